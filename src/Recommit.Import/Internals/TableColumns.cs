namespace Recommit.Import.Internals;

/// <summary>Finds a column under any of several spellings (BigQuery's <c>usage.amount</c> or a flattened <c>usage_amount</c>).</summary>
internal static class TableColumns
{
    public static int Find(this ITableRows table, params string[] names)
    {
        foreach (var name in names)
        {
            var i = table.Optional(name);
            if (i >= 0) return i;
            i = table.Optional(name.Replace('.', '_'));
            if (i >= 0) return i;
        }
        return -1;
    }

    public static int FindRequired(this ITableRows table, string file, params string[] names)
    {
        var i = table.Find(names);
        return i >= 0 ? i : throw new ImportException(file, 1, $"missing required column '{names[0]}' (found: {string.Join(", ", table.ColumnNames.Take(20))})");
    }
}
