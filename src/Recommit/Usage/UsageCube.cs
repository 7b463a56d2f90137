using System.Collections.Immutable;

namespace Recommit.Usage;

/// <summary>
/// The engine's unit of usage: token counts (and web-search counts) per <see cref="UsageKey"/> cell, held
/// column-wise (one array per dimension, strings dictionary-encoded) so that tens of millions of cells stay compact.
/// Immutable; build one with <see cref="UsageCubeBuilder"/>. Dollars are derived through the price book, never stored.
/// </summary>
public sealed partial class UsageCube
{
    private readonly int[] _day;          // DateOnly.DayNumber
    private readonly byte[] _channel;
    private readonly int[] _workspace;    // index into Workspaces
    private readonly int[] _model;        // index into Models
    private readonly byte[] _tier;
    private readonly byte[] _band;
    private readonly byte[] _geo;
    private readonly byte[] _speed;
    private readonly byte[] _kind;
    private readonly long[] _tokens;

    internal UsageCube(int count, int[] day, byte[] channel, int[] workspace, int[] model, byte[] tier, byte[] band, byte[] geo, byte[] speed, byte[] kind, long[] tokens,
        ImmutableArray<string> workspaces, ImmutableArray<string> models)
    {
        Count = count;
        _day = day; _channel = channel; _workspace = workspace; _model = model; _tier = tier; _band = band;
        _geo = geo; _speed = speed; _kind = kind; _tokens = tokens;
        Workspaces = workspaces;
        Models = models;
    }

    /// <summary>An empty cube.</summary>
    public static UsageCube Empty { get; } = new UsageCubeBuilder().Build();

    /// <summary>Number of distinct cells.</summary>
    public int Count { get; }

    /// <summary>The distinct workspace names; cell workspace indices point here.</summary>
    public ImmutableArray<string> Workspaces { get; }

    /// <summary>The distinct model names (canonical ids where known); cell model indices point here.</summary>
    public ImmutableArray<string> Models { get; }

    public DateOnly Day(int i) => DateOnly.FromDayNumber(_day[i]);
    public int DayNumber(int i) => _day[i];
    public Channel Channel(int i) => (Channel)_channel[i];
    public int WorkspaceIndex(int i) => _workspace[i];
    public int ModelIndex(int i) => _model[i];
    public string Model(int i) => Models[_model[i]];
    public ServiceTier Tier(int i) => (ServiceTier)_tier[i];
    public ContextBand Band(int i) => (ContextBand)_band[i];
    public InferenceGeo Geo(int i) => (InferenceGeo)_geo[i];
    public Speed Speed(int i) => (Speed)_speed[i];
    public TokenKind Kind(int i) => (TokenKind)_kind[i];
    public long Tokens(int i) => _tokens[i];

    public UsageKey Key(int i) => new(Day(i), Channel(i), Workspaces[_workspace[i]], Models[_model[i]], Tier(i), Band(i), Geo(i), Speed(i), Kind(i));

    /// <summary>The first and last day with usage, or null for an empty cube.</summary>
    public (DateOnly First, DateOnly Last)? DayRange
    {
        get
        {
            if (Count == 0) return null;
            int lo = int.MaxValue, hi = int.MinValue;
            for (var i = 0; i < Count; i++)
            {
                lo = Math.Min(lo, _day[i]);
                hi = Math.Max(hi, _day[i]);
            }
            return (DateOnly.FromDayNumber(lo), DateOnly.FromDayNumber(hi));
        }
    }

    /// <summary>All cells as (key, tokens), in storage order. For small cubes and tests; hot paths use the column accessors.</summary>
    public IEnumerable<(UsageKey Key, long Tokens)> Cells()
    {
        for (var i = 0; i < Count; i++) yield return (Key(i), _tokens[i]);
    }

    /// <summary>Total tokens of a kind (web searches count uses).</summary>
    public long TotalTokens(TokenKind kind)
    {
        long sum = 0;
        for (var i = 0; i < Count; i++)
            if (_kind[i] == (byte)kind) sum += _tokens[i];
        return sum;
    }
}
