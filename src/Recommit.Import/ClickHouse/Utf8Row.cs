namespace Recommit.Import.ClickHouse;

/// <summary>Takes one row (or a piece of whole rows) of an answer as its bytes; false stops the reading.</summary>
internal delegate bool Utf8Row(ReadOnlySpan<byte> row);

/// <summary>Of a read buffer's bytes, how many at its start are whole rows.</summary>
internal delegate int WholeRows(ReadOnlySpan<byte> buffer);
