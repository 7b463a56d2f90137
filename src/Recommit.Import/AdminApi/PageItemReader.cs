using System.Text.Json;

namespace Recommit.Import.AdminApi;

/// <summary>
/// Reads one item of a page's <c>data[]</c> from <paramref name="reader"/>, positioned at the item's first token,
/// through to its last (<see cref="JsonPageReader"/>); <paramref name="source"/> turns the reader's offsets into lines.
/// </summary>
internal delegate void PageItemReader(ref Utf8JsonReader reader, JsonSource source, int index);
