namespace Recommit.Import.ClickHouse;

/// <summary>Takes one row of a TabSeparated answer as its UTF-8 bytes; false stops the reading.</summary>
internal delegate bool Utf8Row(ReadOnlySpan<byte> row);
