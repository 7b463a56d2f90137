using System.Data.Common;
using Recommit.Storage.Usage;
using Recommit.Usage;

namespace Recommit.Storage.Internals;

/// <summary>
/// Bulk insert of usage cells on SQLite: one prepared multi-row INSERT of <see cref="BatchRows"/> rows re-executed with
/// new values, then one for the remainder, all inside the caller's transaction (SQLite has no COPY).
/// </summary>
internal static class SqliteBulk
{
    /// <summary>Rows per statement: 11 parameters each stays far below SQLite's 32,766-parameter limit.</summary>
    private const int BatchRows = 256;
    private const int Columns = 11;

    public static async Task InsertCellsAsync(DbConnection connection, DbTransaction transaction, int accountId, UsageCube cube, CancellationToken ct)
    {
        var full = cube.Count / BatchRows;
        if (full > 0)
        {
            await using var batch = Prepare(connection, transaction, BatchRows);
            for (var b = 0; b < full; b++)
            {
                Fill(batch, accountId, cube, b * BatchRows, BatchRows);
                await batch.ExecuteNonQueryAsync(ct);
            }
        }
        var rest = cube.Count - full * BatchRows;
        if (rest > 0)
        {
            await using var tail = Prepare(connection, transaction, rest);
            Fill(tail, accountId, cube, full * BatchRows, rest);
            await tail.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(0, Columns).Select(c => $"@p{r * Columns + c}")) + ")");
        command.CommandText = $"INSERT INTO {UsageStore.CellTable} ({UsageStore.CellColumns}) VALUES {string.Join(", ", values)}";
        for (var i = 0; i < rows * Columns; i++) UsageStore.AddParameter(command, $"@p{i}", 0);
        command.Prepare();
        return command;
    }

    private static void Fill(DbCommand command, int accountId, UsageCube cube, int start, int rows)
    {
        var p = command.Parameters;
        for (var r = 0; r < rows; r++)
        {
            var i = start + r;
            var o = r * Columns;
            p[o].Value = accountId;
            p[o + 1].Value = cube.Day(i);
            p[o + 2].Value = (short)cube.Channel(i);
            p[o + 3].Value = cube.Workspaces[cube.WorkspaceIndex(i)];
            p[o + 4].Value = cube.Model(i);
            p[o + 5].Value = (short)cube.Tier(i);
            p[o + 6].Value = (short)cube.Band(i);
            p[o + 7].Value = (short)cube.Geo(i);
            p[o + 8].Value = (short)cube.Speed(i);
            p[o + 9].Value = (short)cube.Kind(i);
            p[o + 10].Value = cube.Tokens(i);
        }
    }
}
