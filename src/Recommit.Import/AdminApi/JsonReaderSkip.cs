using System.Text.Json;

namespace Recommit.Import.AdminApi;

/// <summary>
/// Skipping a value on a page's reader: the reader is not at the end of its data (the page streams on), so
/// <see cref="Utf8JsonReader.Skip"/> is not allowed; the item being read is whole in the window, so skipping within it
/// cannot run short.
/// </summary>
internal static class JsonReaderSkip
{
    public static void SkipWhole(this ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip()) throw new JsonException("the value ends before its closing bracket");
    }
}
