namespace Recommit.Import.AdminApi;

/// <summary>Cheap checks on the first bytes of a file for format detection.</summary>
internal static class JsonHead
{
    public static bool StartsWithObject(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        foreach (var b in head)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'{';
        }
        return false;
    }

    /// <summary>A <c>data</c> envelope without the cost fields: the shape both usage endpoints answer in.</summary>
    public static bool IsUsageEnvelope(ReadOnlySpan<byte> head) =>
        StartsWithObject(head) && head.IndexOf("\"data\""u8) >= 0
        && head.IndexOf("\"amount\""u8) < 0 && head.IndexOf("\"list_amount\""u8) < 0 && head.IndexOf("\"cost\""u8) < 0;

    /// <summary>True when <paramref name="quotedName"/> (with its quotes) occurs as a key: followed by a colon, not a value.</summary>
    public static bool HasKey(ReadOnlySpan<byte> head, ReadOnlySpan<byte> quotedName)
    {
        while (head.IndexOf(quotedName) is var at and >= 0)
        {
            head = head[(at + quotedName.Length)..];
            if (head.TrimStart(" \t\r\n"u8) is [(byte)':', ..]) return true;
        }
        return false;
    }
}
