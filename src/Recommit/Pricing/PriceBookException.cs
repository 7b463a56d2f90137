namespace Recommit.Pricing;

/// <summary>
/// A price-book file that is not valid: malformed JSON, a missing or wrong field, conflicting names or dates. The
/// message names the file and the JSON path of the field (e.g. <c>$.models[3].prices[0].standard.cacheRead</c>).
/// </summary>
internal sealed class PriceBookException : InputException
{
    public PriceBookException(string file, string jsonPath, string problem)
        : base($"price book {file}: {jsonPath}: {problem}")
    {
        File = file;
        JsonPath = jsonPath;
    }

    public PriceBookException() { File = ""; JsonPath = ""; }
    public PriceBookException(string message) : base(message) { File = ""; JsonPath = ""; }
    public PriceBookException(string message, Exception inner) : base(message, inner) { File = ""; JsonPath = ""; }

    /// <summary>The file (or resource) the bad field is in.</summary>
    public string File { get; }

    /// <summary>The JSON path of the bad field.</summary>
    public string JsonPath { get; }
}
