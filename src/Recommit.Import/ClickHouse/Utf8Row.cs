namespace Recommit.Import.ClickHouse;

/// <summary>Takes one row (or a piece of whole rows) of an answer as its bytes; false stops the reading.</summary>
internal delegate bool Utf8Row(ReadOnlySpan<byte> row);

/// <summary>
/// Of a read buffer's bytes, how many at its start are whole rows; at the answer's <paramref name="end"/>, what a last
/// row may be without its terminator (a text line without its newline).
/// </summary>
internal delegate int WholeRows(ReadOnlySpan<byte> buffer, bool end);
