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
}
