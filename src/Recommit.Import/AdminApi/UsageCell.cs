namespace Recommit.Import.AdminApi;

/// <summary>A day-level cell of the usage being read, with model and workspace interned to small integers.</summary>
internal readonly record struct UsageCell(int Day, int Model, int Workspace, byte Tier, byte Band, byte Geo, byte Speed)
{
    public bool Equals(UsageCell other) =>
        Day == other.Day && Model == other.Model && Workspace == other.Workspace && Tier == other.Tier &&
        Band == other.Band && Geo == other.Geo && Speed == other.Speed;

    public override int GetHashCode() =>
        unchecked((Day * 397) ^ (Model * 7919) ^ (Workspace * 104729) ^ (Tier << 24) ^ (Band << 26) ^ (Geo << 28) ^ (Speed << 30));
}
