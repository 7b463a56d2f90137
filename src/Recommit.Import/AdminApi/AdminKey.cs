namespace Recommit.Import.AdminApi;

/// <summary>
/// An Anthropic Admin API key, read from the <c>ANTHROPIC_ADMIN_KEY</c> environment variable or a key file — never
/// from a command-line argument. <see cref="ToString"/> never shows it; <see cref="Redact"/> removes it from any text
/// that could echo a request (error bodies, exception messages) before the text is shown or stored (docs/quality.md R6).
/// </summary>
public sealed class AdminKey
{
    public const string EnvironmentVariable = "ANTHROPIC_ADMIN_KEY";
    private const string Hidden = "[redacted]";

    private AdminKey(string value) => (Value, _bytes) = (value, System.Text.Encoding.ASCII.GetBytes(value));

    /// <summary>The key's bytes (it is printable ASCII), searched for in every chunk of every page.</summary>
    private readonly byte[] _bytes;

    /// <summary>The secret itself: only for the <c>x-api-key</c> header.</summary>
    internal string Value { get; }

    /// <summary>Wraps a key; blank or multi-line text is refused.</summary>
    public static AdminKey Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var v = value.Trim();
        if (v.Length == 0) throw new AdminApiException("the Admin API key is empty");
        if (v.AsSpan().IndexOfAny('\r', '\n') >= 0 || v.Any(char.IsWhiteSpace))
            throw new AdminApiException("the Admin API key contains whitespace or several lines; put only the key in the file");
        // A control or non-ASCII character would be echoed in altered form by an error message and slip past the
        // redaction; such a key is refused whole, without showing any of it.
        if (v.Any(c => c is < '!' or > '~'))
            throw new AdminApiException("the Admin API key contains control or non-ASCII characters; put only the key (printable ASCII) in the file");
        return new AdminKey(v);
    }

    /// <summary>Reads the key from a file (its only content; surrounding whitespace ignored).</summary>
    public static AdminKey FromFile(string path)
    {
        string text;
        try { text = InputFile.ReadSmallText(path, "--key-file", InputFile.MaxKeyBytes); }
        catch (ImportException e)
        {
            // The message names the file and the problem, never the content.
            throw new AdminApiException(e.Message);
        }
        return Of(text);
    }

    /// <summary>Reads the key from the environment (through <paramref name="environment"/>, for tests); null when unset.</summary>
    public static AdminKey? FromEnvironment(Func<string, string?>? environment = null)
    {
        var v = (environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(v) ? null : Of(v);
    }

    /// <summary>The text with every occurrence of the key (and of its distinctive tail) replaced by <c>[redacted]</c>.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var s = text.Replace(Value, Hidden, StringComparison.Ordinal);
        if (Value.Length >= 16) s = s.Replace(Value[^12..], Hidden, StringComparison.Ordinal);
        return s;
    }

    /// <summary>
    /// A quote of at most <paramref name="max"/> characters of <paramref name="text"/> (the start of a body, which may
    /// end inside the key) with the key hidden: a start of the key at the text's end is hidden first, then every
    /// occurrence, and only then is the quote cut, so no cut leaves a piece of the key showing.
    /// </summary>
    internal string RedactedQuote(string text, int max)
    {
        var s = Redact(WithoutKeyStartAtEnd(text));
        if (s.Length <= max) return s;
        // A cut inside the marker keeps the whole marker, so the quote still says something was hidden there.
        var marker = s.IndexOf(Hidden, Math.Max(0, max - Hidden.Length + 1), StringComparison.Ordinal);
        var cut = marker >= 0 && marker < max ? Math.Max(max, marker + Hidden.Length) : max;
        return cut >= s.Length ? s : s[..cut] + "…";
    }

    /// <summary>The text without a start of the key (4 characters or more) that ends it.</summary>
    private string WithoutKeyStartAtEnd(string text)
    {
        for (var n = Math.Min(text.Length, Value.Length - 1); n >= 4; n--)
            if (text.AsSpan(text.Length - n).SequenceEqual(Value.AsSpan(0, n))) return text[..^n] + Hidden;
        return text;
    }

    /// <summary>True when <paramref name="body"/> carries the key or its distinctive tail (an echo that must not be stored).</summary>
    internal bool IsIn(ReadOnlySpan<byte> body)
    {
        var whole = _bytes;
        return body.IndexOf(whole) >= 0 || (whole.Length >= 16 && body.IndexOf(whole.AsSpan(whole.Length - 12)) >= 0);
    }

    public override string ToString() => Hidden;
}
