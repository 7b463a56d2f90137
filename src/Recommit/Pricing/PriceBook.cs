using System.Collections.Immutable;
using System.Globalization;
using Recommit.Money;
using Recommit.Usage;

namespace Recommit.Pricing;

/// <summary>
/// The versioned, effective-dated list prices of every Claude model (docs/pricing.md; docs/method.md §1).
/// </summary>
/// <remarks>
/// <para>Each model carries price entries, each in force from its effective day until the next one, so a price change
/// (Sonnet 5.5's cache read falling from $0.20 to $0.10 per MTok on 2026-10-07) prices older usage at the older
/// price. The first entry of a model may have no date; it then applies to every day before the next entry.</para>
/// <para>A token's price is the entry's rate in USD per MTok for its kind, divided by a million, times the batch
/// multiplier (0.5) and the US-only inference multiplier (1.1 on Claude 4.6 and later); the long-context band and fast
/// mode select other rate rows. A combination the book does not price (fast with batch, US geography on an older
/// model, the long band on a model without one) is an <see cref="UnsupportedPricingException"/>, never a guess.
/// Web searches are priced per use. Sources: https://platform.claude.com/docs/en/about-claude/pricing and
/// docs/REFERENCE-anthropic.md §1.</para>
/// <para>All rates are pre-resolved into a table per model and entry (tier × band × geography × speed × kind), so
/// pricing a cube costs an array lookup per cell after one name lookup per distinct model.</para>
/// </remarks>
public sealed partial class PriceBook
{
    /// <summary>The logical name of the shipped price book (data/pricebook.json) among the engine's resources.</summary>
    public const string DefaultResourceName = "Recommit.pricebook.json";

    internal const int CombinationCount = 3 * 2 * 2 * 2 * 6;
    private const decimal PerMillion = 1_000_000m;
    private const decimal Unsupported = -1m;

    private static readonly Lazy<PriceBook> DefaultBook = new(LoadDefault);

    private readonly PriceBookDraft _draft;
    private readonly PricedModel[] _models;
    private readonly Dictionary<string, int> _names;
    private readonly int[][] _entryDays;
    private readonly decimal[][] _unit;
    private readonly ImmutableArray<ModelInfo> _infos;

    private PriceBook(PriceBookDraft draft, PricedModel[] models, Dictionary<string, int> names)
    {
        _draft = draft;
        _models = models;
        _names = names;
        Version = draft.Version;
        Source = draft.File;
        WebSearchUsdPerUse = draft.WebSearchUsdPerThousand / 1000m;
        PriorityMultiplier = draft.PriorityMultiplier;
        _infos = [.. models.Select(m => m.Info)];
        _entryDays = new int[models.Length][];
        _unit = new decimal[models.Length][];
        for (var m = 0; m < models.Length; m++)
        {
            var prices = models[m].Prices;
            _entryDays[m] = [.. prices.Select(p => p.Effective?.DayNumber ?? int.MinValue)];
            var table = new decimal[prices.Length * CombinationCount];
            for (var e = 0; e < prices.Length; e++)
                for (var c = 0; c < CombinationCount; c++)
                {
                    var (kind, tier, band, geo, speed) = Decompose(c);
                    table[e * CombinationCount + c] = Price(prices[e], kind, tier, band, geo, speed, out _) ?? Unsupported;
                }
            _unit[m] = table;
        }
    }

    /// <summary>The version label every computed dollar names (an overlaid book is <c>default+user</c>).</summary>
    public string Version { get; private init; } = "";

    /// <summary>The file or resource the book was read from (the last one for an overlay).</summary>
    public string Source { get; }

    /// <summary>List price of one web search, or null when the book has no web-search price.</summary>
    public decimal? WebSearchUsdPerUse { get; }

    /// <summary>Multiplier for Priority Tier usage, or null when the book does not price it.</summary>
    public decimal? PriorityMultiplier { get; }

    /// <summary>The price book shipped with the tool (data/pricebook.json, embedded).</summary>
    public static PriceBook Default => DefaultBook.Value;

    /// <summary>Every model the book knows.</summary>
    public IReadOnlyList<ModelInfo> Models => _infos;

    /// <summary>Every model with its aliases and effective-dated price entries.</summary>
    public IReadOnlyList<PricedModel> PricedModels => _models;

    /// <summary>Reads a complete price book from JSON; <paramref name="sourceName"/> names it in error messages.</summary>
    public static PriceBook Parse(string json, string sourceName) => Build(PriceBookReader.Read(json, sourceName));

    /// <summary>
    /// This book with a user's price-book file laid over it: the user's models are added, and for a model both know,
    /// the user's fields win, aliases are added and price entries are added or (same effective day) replaced. The
    /// result's version is <c>{this version}+{user version}</c>.
    /// </summary>
    public PriceBook Overlay(string json, string sourceName) =>
        Build(Merge(_draft, PriceBookReader.Read(json, sourceName)));

    /// <summary>Maps a canonical id, dated id, display name or Bedrock/Vertex name to the canonical model.</summary>
    public bool TryResolve(string nameOrAlias, out ModelId id)
    {
        if (TryFind(nameOrAlias, out var slot))
        {
            id = _models[slot].Info.Id;
            return true;
        }
        id = default;
        return false;
    }

    /// <summary>Canonical model for a name; <see cref="UnknownModelException"/> naming the model when unknown.</summary>
    public ModelId Resolve(string nameOrAlias) => _models[SlotOf(nameOrAlias)].Info.Id;

    public ModelInfo Info(ModelId id) => _models[SlotOf(id.Value)].Info;

    /// <summary>The model's family (opus, sonnet, …) for a name or alias, or null when the book does not know it.</summary>
    public string? FamilyOf(string nameOrAlias) => TryFind(nameOrAlias, out var slot) ? _models[slot].Info.Family : null;

    /// <summary>The price entry in force for a model on a day.</summary>
    public PriceEntry EntryInForce(string model, DateOnly day)
    {
        var slot = SlotOf(model);
        return _models[slot].Prices[EntryIndexOrThrow(slot, day.DayNumber)];
    }

    /// <summary>Price entries taking effect after <paramref name="from"/> and on or before <paramref name="to"/>, by day then model.</summary>
    public IReadOnlyList<PriceChange> ChangesBetween(DateOnly from, DateOnly to)
    {
        var changes = new List<PriceChange>();
        foreach (var m in _models)
            for (var e = 0; e < m.Prices.Length; e++)
                if (m.Prices[e].Effective is { } day && day > from && day <= to)
                    changes.Add(new PriceChange(m.Info.Id, day, e > 0 ? m.Prices[e - 1] : null, m.Prices[e]));
        return [.. changes.OrderBy(c => c.Effective).ThenBy(c => c.Model.Value, StringComparer.Ordinal)];
    }

    /// <summary>
    /// List price in USD of one token (or one web search) of <paramref name="kind"/> for <paramref name="model"/> on
    /// <paramref name="day"/>, with batch, long-context, US-geo and fast-mode rules applied. Unknown model or an
    /// unsupported combination is an error, never a zero.
    /// </summary>
    public decimal UnitPrice(string model, DateOnly day, TokenKind kind, ServiceTier tier, ContextBand band, InferenceGeo geo, Speed speed)
    {
        var slot = SlotOf(model);
        var entry = EntryIndexOrThrow(slot, day.DayNumber);
        return UnitPriceAt(slot, entry, Combination(kind, tier, band, geo, speed), day);
    }

    /// <summary>List cost of one cube cell.</summary>
    public Usd Cost(in UsageKey key, long tokens) =>
        new(tokens * UnitPrice(key.Model, key.Day, key.Kind, key.Tier, key.Band, key.Geo, key.Speed));

    internal int SlotOf(string nameOrAlias) =>
        TryFind(nameOrAlias, out var slot) ? slot : throw new UnknownModelException(nameOrAlias, Version);

    internal ModelId IdAt(int slot) => _models[slot].Info.Id;

    internal int EntryCount(int slot) => _entryDays[slot].Length;

    /// <summary>Index of the entry in force on a day, or -1 when the model's first entry starts later.</summary>
    internal int EntryIndex(int slot, int dayNumber)
    {
        var days = _entryDays[slot];
        for (var e = days.Length - 1; e >= 0; e--)
            if (days[e] <= dayNumber) return e;
        return -1;
    }

    internal int EntryIndexOrThrow(int slot, int dayNumber)
    {
        var e = EntryIndex(slot, dayNumber);
        if (e >= 0) return e;
        var m = _models[slot];
        throw new UnsupportedPricingException(
            $"no list price for {m.Info.Id} on {DateOnly.FromDayNumber(dayNumber):yyyy-MM-dd}: its first price entry is effective {m.Prices[0].Effective:yyyy-MM-dd} (price book {Version})");
    }

    internal static int Combination(TokenKind kind, ServiceTier tier, ContextBand band, InferenceGeo geo, Speed speed)
    {
        if ((uint)kind > 5 || (uint)tier > 2 || (uint)band > 1 || (uint)geo > 1 || (uint)speed > 1)
            throw new ArgumentOutOfRangeException(nameof(kind), "usage dimension out of range");
        return (((((int)tier * 2) + (int)band) * 2 + (int)geo) * 2 + (int)speed) * 6 + (int)kind;
    }

    internal static (TokenKind Kind, ServiceTier Tier, ContextBand Band, InferenceGeo Geo, Speed Speed) Decompose(int combination) =>
        ((TokenKind)(combination % 6), (ServiceTier)(combination / 48), (ContextBand)(combination / 24 % 2),
         (InferenceGeo)(combination / 12 % 2), (Speed)(combination / 6 % 2));

    /// <summary>USD per token for a pre-resolved model slot, entry and combination; throws naming the combination when unsupported.</summary>
    internal decimal UnitPriceAt(int slot, int entry, int combination, DateOnly day)
    {
        var p = _unit[slot][entry * CombinationCount + combination];
        if (p >= 0m) return p;
        var (kind, tier, band, geo, speed) = Decompose(combination);
        Price(_models[slot].Prices[entry], kind, tier, band, geo, speed, out var problem);
        throw new UnsupportedPricingException(
            $"no list price for {_models[slot].Info.Id} on {day:yyyy-MM-dd} with service_tier {tier.Name()}, context_band {band.Name()}, " +
            $"inference_geo {geo.Name()}, speed {speed.Name()}, token_kind {kind.Name()}: {problem} (price book {Version})");
    }

    /// <summary>The unit price of a combination under an entry, or null with the reason it has none.</summary>
    private decimal? Price(PriceEntry e, TokenKind kind, ServiceTier tier, ContextBand band, InferenceGeo geo, Speed speed, out string problem)
    {
        problem = "";
        if (speed == Speed.Fast && tier == ServiceTier.Batch) { problem = "fast mode is not offered with the Batch API"; return null; }
        if (speed == Speed.Fast && e.Fast is null) { problem = "the model has no fast-mode price"; return null; }
        if (band == ContextBand.Long && e.LongContext == LongContextRule.NotOffered) { problem = "the model has no long-context band"; return null; }
        if (speed == Speed.Fast && band == ContextBand.Long && e.LongContext == LongContextRule.OwnRates) { problem = "no fast-mode price is published for the long-context band"; return null; }
        if (geo == InferenceGeo.Us && e.UsGeoMultiplier is null) { problem = "US-only inference is offered only on Claude 4.6 and later models"; return null; }
        decimal tierMultiplier;
        switch (tier)
        {
            case ServiceTier.Standard: tierMultiplier = 1m; break;
            case ServiceTier.Batch when e.BatchMultiplier is { } b: tierMultiplier = b; break;
            case ServiceTier.Batch: problem = "the model has no batch price"; return null;
            case ServiceTier.Priority when PriorityMultiplier is { } p: tierMultiplier = p; break;
            default: problem = "the price book has no Priority Tier price"; return null;
        }
        if (kind == TokenKind.WebSearch)
        {
            if (WebSearchUsdPerUse is { } perUse) return perUse;
            problem = "the price book has no web-search price";
            return null;
        }
        var rates = speed == Speed.Fast ? e.Fast!
            : band == ContextBand.Long && e.LongContext == LongContextRule.OwnRates ? e.LongRates!
            : e.Standard;
        var geoMultiplier = geo == InferenceGeo.Us ? e.UsGeoMultiplier!.Value : 1m;
        return rates.PerMTok(kind) / PerMillion * tierMultiplier * geoMultiplier;
    }

    private bool TryFind(string name, out int slot)
    {
        slot = -1;
        if (string.IsNullOrWhiteSpace(name)) return false;
        var s = name.Trim();
        if (_names.TryGetValue(s, out slot)) return true;
        // Bedrock model ids ("us.anthropic.claude-sonnet-4-5-20250929-v1:0") and Vertex ids ("claude-opus-4-1@20250805").
        var vendor = s.LastIndexOf("anthropic.", StringComparison.OrdinalIgnoreCase);
        if (vendor >= 0) s = s[(vendor + "anthropic.".Length)..];
        var version = s.LastIndexOf("-v", StringComparison.OrdinalIgnoreCase);
        if (version > 0 && s.Length > version + 2 && char.IsAsciiDigit(s[version + 2]) && s[(version + 2)..].All(c => char.IsAsciiDigit(c) || c == ':'))
            s = s[..version];
        s = s.Replace('@', '-');
        return _names.TryGetValue(s, out slot);
    }

    private static PriceBook LoadDefault()
    {
        using var stream = typeof(PriceBook).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"the engine assembly lacks its price-book resource {DefaultResourceName}");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "data/pricebook.json (built in)");
    }

    private static PriceBook Build(PriceBookDraft draft)
    {
        if (draft.Models.Count == 0)
            throw new PriceBookException(draft.File, "$.models", "no models (at least one is needed)");
        var models = new PricedModel[draft.Models.Count];
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < draft.Models.Count; i++)
        {
            var m = draft.Models[i];
            if (!ids.TryAdd(m.Id, i))
                throw new PriceBookException(m.File, m.Path + ".id", $"model '{m.Id}' appears twice");
            var display = m.DisplayName ?? throw new PriceBookException(m.File, m.Path + ".displayName", "missing (e.g. \"Claude Sonnet 4.5\")");
            var family = m.Family ?? throw new PriceBookException(m.File, m.Path + ".family", "missing (e.g. sonnet)");
            var generation = m.TokenizerGeneration ?? throw new PriceBookException(m.File, m.Path + ".tokenizerGeneration", "missing (1 before Claude 4.7, 2 from 4.7)");
            if (m.Released is { } rel && m.Retired is { } ret && ret < rel)
                throw new PriceBookException(m.File, m.Path + ".retired", $"{ret:yyyy-MM-dd} is before the release day {rel:yyyy-MM-dd}");
            if (m.Prices.Count == 0)
                throw new PriceBookException(m.File, m.Path + ".prices", "no price entries (at least one is needed)");
            var sorted = m.Prices.OrderBy(p => p.Entry.Effective?.DayNumber ?? int.MinValue).ToList();
            for (var j = 1; j < sorted.Count; j++)
            {
                if (sorted[j].Entry.Effective is null)
                    throw new PriceBookException(sorted[j].File, sorted[j].Path + ".effective", "only a model's first entry may have no effective date");
                if (sorted[j].Entry.Effective == sorted[j - 1].Entry.Effective)
                    throw new PriceBookException(sorted[j].File, sorted[j].Path + ".effective", $"two entries of {m.Id} are effective on {sorted[j].Entry.Effective:yyyy-MM-dd}");
            }
            var info = new ModelInfo(new ModelId(m.Id), display, family, generation, m.Released, m.Retired);
            AddName(names, m.Id, i, m.File, m.Path + ".id", draft);
            AddName(names, display, i, m.File, m.Path + ".displayName", draft);
            foreach (var (alias, file, path) in m.Aliases) AddName(names, alias, i, file, path, draft);
            models[i] = new PricedModel(info, [.. m.Aliases.Select(a => a.Name).Distinct(StringComparer.OrdinalIgnoreCase)],
                [.. sorted.Select(p => p.Entry)], m.Status);
        }
        return new PriceBook(draft, models, names);
    }

    private static void AddName(Dictionary<string, int> names, string name, int slot, string file, string path, PriceBookDraft draft)
    {
        if (names.TryGetValue(name, out var other) && other != slot)
            throw new PriceBookException(file, path, $"'{name}' already names model '{draft.Models[other].Id}'");
        names[name] = slot;
    }

    private static PriceBookDraft Merge(PriceBookDraft baseDraft, PriceBookDraft user)
    {
        var merged = new PriceBookDraft
        {
            File = user.File,
            Version = string.Create(CultureInfo.InvariantCulture, $"{baseDraft.Version}+{user.Version}"),
            WebSearchUsdPerThousand = user.WebSearchUsdPerThousand ?? baseDraft.WebSearchUsdPerThousand,
            WebSearchSource = user.WebSearchSource ?? baseDraft.WebSearchSource,
            PriorityMultiplier = user.PriorityMultiplier ?? baseDraft.PriorityMultiplier,
            PrioritySource = user.PrioritySource ?? baseDraft.PrioritySource,
        };
        var byId = new Dictionary<string, ModelDraft>(StringComparer.Ordinal);
        foreach (var m in baseDraft.Models)
        {
            var copy = m.Copy();
            merged.Models.Add(copy);
            byId[m.Id] = copy;
        }
        foreach (var u in user.Models)
        {
            if (!byId.TryGetValue(u.Id, out var target))
            {
                merged.Models.Add(u);
                byId[u.Id] = u;
                continue;
            }
            target.File = u.File;
            target.Path = u.Path;
            target.DisplayName = u.DisplayName ?? target.DisplayName;
            target.Family = u.Family ?? target.Family;
            target.TokenizerGeneration = u.TokenizerGeneration ?? target.TokenizerGeneration;
            target.Released = u.Released ?? target.Released;
            target.Retired = u.Retired ?? target.Retired;
            target.Status = u.Status ?? target.Status;
            target.Aliases.AddRange(u.Aliases);
            foreach (var p in u.Prices)
            {
                target.Prices.RemoveAll(q => q.Entry.Effective == p.Entry.Effective);
                target.Prices.Add(p);
            }
        }
        return merged;
    }
}
