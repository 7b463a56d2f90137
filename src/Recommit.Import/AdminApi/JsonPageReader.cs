using System.Text.Json;

namespace Recommit.Import.AdminApi;

/// <summary>
/// Streams one saved page (<c>{"data": [...], "has_more": …, "next_page": …}</c>) through a <see cref="Utf8JsonReader"/>
/// over a 64 KiB window that refills from the stream. Before an object or array item of <c>data[]</c> is read, a quick
/// scan of its brackets makes sure the window holds all of it (at most <see cref="MaxItemBytes"/>); the item is then
/// read in the same single pass by the caller, from the page's own reader, with a <see cref="JsonSource"/> that turns
/// its offsets into the page's line numbers, so every message still names the file and line (docs/input-safety.md,
/// "Size caps"). Other top-level values are read past token by token. The page as a whole is capped by the caller's limit.
/// </summary>
internal sealed class JsonPageReader
{
    /// <summary>The largest single item of <c>data[]</c> (one bucket, or one analytics row): 64 MiB.</summary>
    public const long MaxItemBytes = 64L << 20;

    /// <summary>The longest <c>next_page</c> cursor kept; a longer one is not a cursor.</summary>
    private const int MaxCursorBytes = 4096;

    private readonly Stream _stream;
    private readonly string _file;
    private readonly long _cap;
    private byte[] _buffer = new byte[1 << 16];
    private int _pos;          // where the current reader's span starts in _buffer
    private int _end;          // bytes of _buffer that hold data
    private long _base;        // offset in the page of _buffer[0]
    private long _total;       // bytes read from the stream
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 64 });
    private long _anchor = -1; // offset of the item being kept whole, or -1
    private int _anchorIndex;
    private long _scanAt;      // the bracket scan of the item: the offset reached, the depth there, inside a string or not
    private int _scanDepth;
    private bool _scanInString;
    private long _countedTo;   // line counting: the offset counted up to, and the line there
    private long _line = 1;

    private JsonPageReader(Stream stream, string file, long cap)
    {
        _stream = stream;
        _file = file;
        _cap = cap;
    }

    /// <summary>
    /// Reads the page from <paramref name="stream"/> (at most <paramref name="cap"/> bytes), calling
    /// <paramref name="item"/> with each item of <c>data[]</c> and its index. <paramref name="noun"/> names the page
    /// kind in messages ("usage report"). Throws <see cref="ImportException"/> naming the file and line.
    /// </summary>
    public static PageEnvelope Read(Stream stream, string file, long cap, string noun, PageItemReader item) =>
        new JsonPageReader(stream, file, cap).Walk(noun, item);

    private PageEnvelope Walk(string noun, PageItemReader item)
    {
        Fill();
        if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8)) _pos = 3;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_pos, _end - _pos), _final, _state);
        try
        {
            if (!Next(ref reader) || reader.TokenType != JsonTokenType.StartObject)
                throw Shape(TokenAt(ref reader), $"not a {noun} page: expected a JSON object with a data[] array");
            bool sawData = false, hasMore = false;
            string? nextPage = null;
            var items = 0;
            while (Next(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("data"u8))
                {
                    Next(ref reader);
                    if (reader.TokenType != JsonTokenType.StartArray) throw Shape(TokenAt(ref reader), "data: expected an array");
                    sawData = true;
                    while (Hold(ref reader, items) && Next(ref reader) && reader.TokenType != JsonTokenType.EndArray)
                        Hand(ref reader, item, items++);
                }
                else if (reader.ValueTextEquals("has_more"u8))
                {
                    Next(ref reader);
                    hasMore = reader.TokenType == JsonTokenType.True;
                    SkipValue(ref reader);
                }
                else if (reader.ValueTextEquals("next_page"u8))
                {
                    Next(ref reader);
                    if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && reader.ValueSpan.Length <= MaxCursorBytes) nextPage = reader.GetString();
                    SkipValue(ref reader);
                }
                else
                {
                    Next(ref reader);
                    SkipValue(ref reader);
                }
            }
            if (!sawData) throw new ImportException(_file, 1, $"not a {noun} page: no data[] array");
            // The page must end here: an unclosed object or trailing text is a damaged file, not a shorter page.
            if (reader.TokenType != JsonTokenType.EndObject || Next(ref reader))
                throw Shape(TokenAt(ref reader), "the page does not end after its top-level object");
            return new PageEnvelope(hasMore, nextPage, items);
        }
        catch (JsonException e)
        {
            throw new ImportException(_file, e.LineNumber is { } l ? l + 1 : null, $"malformed JSON: {JsonSource.Clip(e.Message)}");
        }
        catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException)
        {
            throw Shape(TokenAt(ref reader), "next_page: a string is not valid UTF-8 text");
        }
        catch (IOException e)
        {
            throw new ImportException(_file, null, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>Reads the next token, refilling the window from the stream as often as it takes; false at the end.</summary>
    private bool Next(ref Utf8JsonReader reader)
    {
        while (!reader.Read())
        {
            if (_final) return false;
            Refill(ref reader);
        }
        return true;
    }

    /// <summary>Reads past the value whose first token is at the reader (nothing more for a primitive).</summary>
    private void SkipValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        var depth = reader.CurrentDepth;
        while (Next(ref reader) && !(reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray))
        {
        }
    }

    /// <summary>
    /// Makes sure the window holds the whole of the next item of <c>data[]</c> when it is an object or an array (a
    /// primitive or the closing bracket is one token, which <see cref="Next"/> reads as it comes). Always true.
    /// </summary>
    private bool Hold(ref Utf8JsonReader reader, int index)
    {
        var at = _pos + (int)reader.BytesConsumed;
        while (true)
        {
            while (at < _end && _buffer[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',') at++;
            if (at < _end) break;
            if (_final) return true;
            Refill(ref reader);
            at = _pos + (int)reader.BytesConsumed;
        }
        if (_buffer[at] is not ((byte)'{' or (byte)'[')) return true;
        _anchor = _base + at;
        _anchorIndex = index;
        _scanAt = _anchor;
        _scanDepth = 0;
        _scanInString = false;
        while (!ScanItem() && !_final) Refill(ref reader);
        _anchor = -1;
        return true;
    }

    /// <summary>
    /// Carries the bracket scan of the kept item on through the window; true once its closing bracket is in. Inside a
    /// string it jumps to the next quote or backslash with a vectorised search; outside, it steps byte by byte, and only
    /// quotes and brackets stop it.
    /// </summary>
    private bool ScanItem()
    {
        var span = _buffer.AsSpan(0, _end);
        var i = (int)(_scanAt - _base);
        var depth = _scanDepth;
        var inString = _scanInString;
        while (i < span.Length)
        {
            if (inString)
            {
                var next = span[i..].IndexOfAny((byte)'"', (byte)'\\');
                if (next < 0)
                {
                    i = span.Length;
                    break;
                }
                i += next;
                if (span[i] == (byte)'\\')
                {
                    if (i + 2 > span.Length) break; // the escaped byte is not in yet
                    i += 2;
                    continue;
                }
                inString = false;
                i++;
                continue;
            }
            var b = span[i];
            if (b == (byte)'"') inString = true;
            else if (b is (byte)'{' or (byte)'[') depth++;
            else if (b is (byte)'}' or (byte)']' && --depth == 0)
            {
                _scanAt = _base + i + 1;
                return true;
            }
            i++;
        }
        (_scanAt, _scanDepth, _scanInString) = (_base + i, depth, inString);
        return false;
    }

    /// <summary>
    /// Hands the item whose first token is at the reader to <paramref name="item"/>, which reads it from the same reader
    /// (all of it is in the window, so no refill happens meanwhile), and checks it read to the item's end.
    /// </summary>
    private void Hand(ref Utf8JsonReader reader, PageItemReader item, int index)
    {
        var depth = reader.CurrentDepth;
        var container = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        var source = new JsonSource(_file, _buffer.AsMemory(_pos, _end - _pos), LineAt(_base + _pos));
        item(ref reader, source, index);
        if (container && !(reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray))
            throw Shape(TokenAt(ref reader), $"data[{index}] does not end where its brackets close");
    }

    /// <summary>Refills the window and goes on with a new reader from where the last one stopped.</summary>
    private void Refill(ref Utf8JsonReader reader)
    {
        _pos += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        Fill();
        reader = new Utf8JsonReader(_buffer.AsSpan(_pos, _end - _pos), _final, _state);
    }

    /// <summary>Moves the bytes still needed to the front of the window, grows it if they fill it, and reads more.</summary>
    private void Fill()
    {
        var keep = _anchor >= 0 ? (int)Math.Min(_pos, _anchor - _base) : _pos;
        if (keep > 0)
        {
            LineAt(_base + keep);
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _end -= keep;
            _pos -= keep;
            _base += keep;
        }
        if (_end == _buffer.Length)
        {
            // What is kept fills the window: one item (or one token) longer than the window so far.
            if (_end >= MaxItemBytes)
                throw _anchor >= 0
                    ? new ImportException(_file, LineAt(_anchor), $"data[{_anchorIndex}] is larger than {MaxItemBytes >> 20} MiB, the most one bucket or row of a page may be")
                    : new ImportException(_file, LineAt(_base), $"a single JSON value is larger than {MaxItemBytes >> 20} MiB");
            Array.Resize(ref _buffer, (int)Math.Min(MaxItemBytes, _buffer.Length * 2L));
        }
        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _final = true;
            return;
        }
        _end += n;
        _total += n;
        if (_total > _cap)
            throw new ImportException(_file, null, $"the file is larger than {_cap >> 20} MiB, the most one saved API page may be; is it a saved page?");
    }

    private long TokenAt(ref Utf8JsonReader reader) => _base + _pos + reader.TokenStartIndex;

    /// <summary>The 1-based line of a page offset still in the window (asked for in increasing order).</summary>
    private long LineAt(long offset)
    {
        if (offset <= _countedTo) return _line;
        var from = (int)Math.Max(0, _countedTo - _base);
        var to = (int)Math.Min(_end, offset - _base);
        if (to > from) _line += _buffer.AsSpan(from, to - from).Count((byte)'\n');
        _countedTo = offset;
        return _line;
    }

    private ImportException Shape(long offset, string message) => new(_file, LineAt(offset), message);
}
