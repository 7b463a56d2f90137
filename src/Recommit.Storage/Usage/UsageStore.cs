using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Recommit.Money;
using Recommit.Storage.Internals;
using Recommit.Time;
using Recommit.Usage;

namespace Recommit.Storage.Usage;

/// <summary>
/// An account's usage in the store. An import is one transaction: for each channel in the new cube it deletes the
/// stored cells of the days the cube covers and bulk-loads the new cells (PostgreSQL binary COPY; batched prepared
/// inserts on SQLite), so importing the same export twice changes nothing and an overlapping export replaces the
/// overlap. Spend rows are replaced by month likewise. Imports into one account are serialised (an advisory lock on
/// PostgreSQL, SQLite's single writer), so concurrent imports neither lose nor double cells.
/// </summary>
public sealed class UsageStore(StoreContext db)
{
    internal const string CellTable = "usage_cells";
    internal const string SpendTable = "spend_rows";
    internal const string CellColumns = "account_id, day, channel, workspace, model, tier, band, geo, speed, kind, tokens";

    /// <summary>Stores the batch in one transaction and returns its import record.</summary>
    public async Task<ImportRecord> ImportAsync(int accountId, UsageBatch batch, IReadOnlyList<string> files, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(files);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await LockAccountAsync(accountId, ct);
            if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct)) throw new InputException($"account {accountId}: no such account");
            var cube = batch.Cube;
            foreach (var (channel, first, last) in ChannelRanges(cube))
                await db.UsageRows.Where(u => u.AccountId == accountId && u.Channel == channel && u.Day >= first && u.Day <= last).ExecuteDeleteAsync(ct);
            if (cube.Count > 0)
            {
                if (db.Provider == StoreProvider.Postgres) await CopyCellsAsync(accountId, cube, ct);
                else await SqliteBulk.InsertCellsAsync(Connection, Transaction(tx), accountId, cube, ct);
            }
            var months = batch.Spend.Rows.Select(r => r.Month.ToString()).Distinct().ToList();
            if (months.Count > 0)
            {
                await db.SpendRows.Where(s => s.AccountId == accountId && months.Contains(s.Month)).ExecuteDeleteAsync(ct);
                db.SpendRows.AddRange(batch.Spend.Rows
                    .GroupBy(r => (Month: r.Month.ToString(), r.ModelOrFamily))
                    .Select(g => new SpendRowRecord { AccountId = accountId, Month = g.Key.Month, Model = g.Key.ModelOrFamily, ListUsd = g.Last().ListUsd.Value }));
            }
            var range = cube.DayRange;
            var record = new ImportRecord
            {
                AccountId = accountId,
                Files = string.Join(", ", files.Select(Path.GetFileName)),
                Formats = string.Join(", ", batch.Formats.Distinct()),
                RowsRead = batch.RowsRead,
                Accepted = batch.Accepted,
                Rejected = batch.Rejected,
                Cells = cube.Count,
                SpendRows = batch.Spend.Rows.Length,
                FirstDay = range?.First,
                LastDay = range?.Last,
                CreatedUtc = DateTime.UtcNow,
            };
            db.Imports.Add(record);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return record;
        }, cancellation);
    }

    /// <summary>The account's stored usage as a cube, and its spend rows (empty when it has none).</summary>
    public async Task<(UsageCube Cube, SpendTable Spend)> ReadAsync(int accountId, CancellationToken cancellation = default)
    {
        var builder = new UsageCubeBuilder();
        await db.Database.OpenConnectionAsync(cancellation);
        try
        {
            await using var command = Connection.CreateCommand();
            command.CommandText = $"SELECT day, channel, workspace, model, tier, band, geo, speed, kind, tokens FROM {CellTable} WHERE account_id = @a";
            AddParameter(command, "@a", accountId);
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            string lastWorkspace = "", lastModel = "";
            while (await reader.ReadAsync(cancellation))
            {
                // Repeated names reuse one string instance, which the cube builder recognises without a lookup.
                var workspace = reader.GetString(2);
                if (workspace == lastWorkspace) workspace = lastWorkspace; else lastWorkspace = workspace;
                var model = reader.GetString(3);
                if (model == lastModel) model = lastModel; else lastModel = model;
                builder.Set(new UsageKey(reader.GetFieldValue<DateOnly>(0), (Channel)reader.GetInt16(1), workspace, model,
                    (ServiceTier)reader.GetInt16(4), (ContextBand)reader.GetInt16(5), (InferenceGeo)reader.GetInt16(6),
                    (Speed)reader.GetInt16(7), (TokenKind)reader.GetInt16(8)), reader.GetInt64(9));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var spend = await db.SpendRows.AsNoTracking().Where(s => s.AccountId == accountId).ToListAsync(cancellation);
        var rows = spend.Select(s => new SpendRow(YearMonth.Parse(s.Month), s.Model, new Usd(s.ListUsd))).OrderBy(r => r.Month).ThenBy(r => r.ModelOrFamily, StringComparer.Ordinal);
        return (builder.Build(), new SpendTable([.. rows]));
    }

    /// <summary>Number of stored cells and total tokens of the account (what a re-import must leave unchanged).</summary>
    public async Task<(long Cells, long Tokens)> TotalsAsync(int accountId, CancellationToken cancellation = default)
    {
        var q = db.UsageRows.Where(u => u.AccountId == accountId);
        return (await q.LongCountAsync(cancellation), await q.SumAsync(u => (long?)u.Tokens, cancellation) ?? 0);
    }

    private DbConnection Connection => db.Database.GetDbConnection();

    private static DbTransaction Transaction(IDbContextTransaction tx) => tx.GetDbTransaction();

    private async Task LockAccountAsync(int accountId, CancellationToken ct)
    {
        // SQLite: the transaction began IMMEDIATE, so it already holds the single write lock.
        if (db.Provider == StoreProvider.Postgres)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7042, {accountId})", ct);
    }

    private async Task CopyCellsAsync(int accountId, UsageCube cube, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)Connection;
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {CellTable} ({CellColumns}) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < cube.Count; i++)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(accountId, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(cube.Day(i), NpgsqlDbType.Date, ct);
            await writer.WriteAsync((short)cube.Channel(i), NpgsqlDbType.Smallint, ct);
            await writer.WriteAsync(cube.Workspaces[cube.WorkspaceIndex(i)], NpgsqlDbType.Text, ct);
            await writer.WriteAsync(cube.Model(i), NpgsqlDbType.Text, ct);
            await writer.WriteAsync((short)cube.Tier(i), NpgsqlDbType.Smallint, ct);
            await writer.WriteAsync((short)cube.Band(i), NpgsqlDbType.Smallint, ct);
            await writer.WriteAsync((short)cube.Geo(i), NpgsqlDbType.Smallint, ct);
            await writer.WriteAsync((short)cube.Speed(i), NpgsqlDbType.Smallint, ct);
            await writer.WriteAsync((short)cube.Kind(i), NpgsqlDbType.Smallint, ct);
            await writer.WriteAsync(cube.Tokens(i), NpgsqlDbType.Bigint, ct);
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>Each channel of the cube with its first and last day: the range a new import replaces.</summary>
    private static IEnumerable<(short Channel, DateOnly First, DateOnly Last)> ChannelRanges(UsageCube cube)
    {
        var ranges = new SortedDictionary<short, (int First, int Last)>();
        for (var i = 0; i < cube.Count; i++)
        {
            var c = (short)cube.Channel(i);
            var d = cube.DayNumber(i);
            ranges[c] = ranges.TryGetValue(c, out var r) ? (Math.Min(r.First, d), Math.Max(r.Last, d)) : (d, d);
        }
        return ranges.Select(kv => (kv.Key, DateOnly.FromDayNumber(kv.Value.First), DateOnly.FromDayNumber(kv.Value.Last)));
    }

    internal static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
