namespace Recommit.Pricing;

/// <summary>
/// A price-book file as read, before the files are layered and checked as a whole: fields a user file leaves out stay
/// null so that an overlay can change only what it names. Each part remembers its file and JSON path for messages.
/// </summary>
internal sealed class PriceBookDraft
{
    public required string File { get; init; }
    public required string Version { get; set; }
    public decimal? WebSearchUsdPerThousand { get; set; }
    public string? WebSearchSource { get; set; }
    public decimal? PriorityMultiplier { get; set; }
    public string? PrioritySource { get; set; }
    public List<ModelDraft> Models { get; } = [];
}

/// <summary>One model of a <see cref="PriceBookDraft"/>.</summary>
internal sealed class ModelDraft
{
    public required string File { get; set; }
    public required string Path { get; set; }
    public required string Id { get; init; }
    public string? DisplayName { get; set; }
    public string? Family { get; set; }
    public int? TokenizerGeneration { get; set; }
    public DateOnly? Released { get; set; }
    public DateOnly? Retired { get; set; }
    public string? Status { get; set; }
    public List<(string Name, string File, string Path)> Aliases { get; } = [];
    public List<(PriceEntry Entry, string File, string Path)> Prices { get; } = [];

    /// <summary>A copy with the same fields, aliases and, when <paramref name="keep"/> is null, every price entry.</summary>
    public ModelDraft Copy(Func<PriceEntry, bool>? keep = null)
    {
        var copy = new ModelDraft
        {
            File = File,
            Path = Path,
            Id = Id,
            DisplayName = DisplayName,
            Family = Family,
            TokenizerGeneration = TokenizerGeneration,
            Released = Released,
            Retired = Retired,
            Status = Status,
        };
        copy.Aliases.AddRange(Aliases);
        copy.Prices.AddRange(keep is null ? Prices : Prices.Where(p => keep(p.Entry)));
        return copy;
    }
}
