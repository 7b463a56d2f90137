namespace Recommit.Usage;

/// <summary>Standard or fast mode; fast mode is priced at the model's fast-mode rates.</summary>
public enum Speed : byte
{
    Standard = 0,
    Fast = 1,
}
