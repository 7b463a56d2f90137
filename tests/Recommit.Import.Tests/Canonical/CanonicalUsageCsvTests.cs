using Recommit.Import.Canonical;
using Recommit.Usage;

namespace Recommit.Import.Tests.Canonical;

public sealed class CanonicalUsageCsvTests
{
    private static UsageImport Read(string text, ModelNameResolver? resolver = null) =>
        CanonicalUsageCsv.Read(new StringReader(text), "usage.csv", resolver);

    [Fact]
    public void Reads_the_required_columns_with_defaults_for_the_optional_ones()
    {
        var r = Read("date,model,token_kind,tokens\n2026-03-01,claude-sonnet-4-5,output,1500\n");
        var (key, tokens) = Assert.Single(r.Cube.Cells());
        Assert.Equal(UsageKey.Of(new DateOnly(2026, 3, 1), "claude-sonnet-4-5", TokenKind.Output), key);
        Assert.Equal(1500, tokens);
        Assert.Equal(1, r.Report.Accepted);
    }

    [Fact]
    public void Reads_every_optional_column()
    {
        var r = Read("date,model,token_kind,tokens,service_tier,context_band,channel,workspace,inference_geo,speed\n" +
                     "2026-03-01,claude-opus-4-6,cache_write_1h,10,batch,long,vertex,\"R&D, west\",us,fast\n");
        var (key, _) = Assert.Single(r.Cube.Cells());
        Assert.Equal(new UsageKey(new DateOnly(2026, 3, 1), Channel.Vertex, "R&D, west", "claude-opus-4-6", ServiceTier.Batch, ContextBand.Long, InferenceGeo.Us, Speed.Fast, TokenKind.CacheWrite1h), key);
    }

    [Fact]
    public void Rejects_bad_rows_with_their_line_and_reason_and_reconciles()
    {
        var r = Read("date,model,token_kind,tokens\n" +
                     "2026-03-01,m,output,10\n" +      // line 2 ok
                     "2026-02-30,m,output,10\n" +      // line 3 bad date
                     "2026-03-01,m,thinking,10\n" +    // line 4 bad kind
                     "2026-03-01,m,output,-5\n" +      // line 5 negative
                     "2026-03-01,m,output,NaN\n" +     // line 6 NaN
                     "2026-03-01,m,output,1.5\n" +     // line 7 fraction
                     "2026-03-01,,output,1\n" +        // line 8 no model
                     "2026-03-01,m\n");                // line 9 short row
        Assert.Equal(8, r.Report.RowsRead);
        Assert.Equal(1, r.Report.Accepted);
        Assert.Equal(7, r.Report.Rejected);
        Assert.True(r.Report.Reconciles);
        Assert.Equal([3L, 4, 5, 6, 7, 8, 9], r.Report.RejectedRows.Select(x => x.Line).ToArray());
        Assert.Contains("date", r.Report.RejectedRows[0].Reason, StringComparison.Ordinal);
        Assert.Contains("token_kind", r.Report.RejectedRows[1].Reason, StringComparison.Ordinal);
        Assert.Contains("negative", r.Report.RejectedRows[2].Reason, StringComparison.Ordinal);
        Assert.All(r.Report.RejectedRows, x => Assert.Equal("usage.csv", x.File));
    }

    [Fact]
    public void Timestamps_with_offsets_become_their_utc_day()
    {
        var r = Read("date,model,token_kind,tokens\n2026-03-01T23:30:00-02:00,m,output,1\n");
        Assert.Equal(new DateOnly(2026, 3, 2), r.Cube.Day(0));
    }

    [Fact]
    public void Handles_a_byte_order_mark_and_crlf_line_ends()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "date,model,token_kind,tokens\r\n2026-03-01,m,output,10\r\n", new System.Text.UTF8Encoding(true));
            var r = CanonicalUsageCsv.Read(path);
            Assert.Equal(1, r.Report.Accepted);
            Assert.Equal(0, r.Report.Rejected);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_required_column_names_the_column()
    {
        var e = Assert.Throws<ImportException>(() => Read("date,model,tokens\n2026-03-01,m,10\n"));
        Assert.Contains("token_kind", e.Message, StringComparison.Ordinal);
        Assert.Contains("usage.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_error_naming_the_file()
    {
        var e = Assert.Throws<ImportException>(() => Read(""));
        Assert.Contains("usage.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_models_are_imported_and_flagged()
    {
        static bool Resolve(string name, out string canonical)
        {
            canonical = name == "Claude Sonnet 4.5" ? "claude-sonnet-4-5" : name;
            return name == "Claude Sonnet 4.5";
        }
        var r = Read("date,model,token_kind,tokens\n2026-03-01,Claude Sonnet 4.5,output,1\n2026-03-01,gpt-9,output,1\n", Resolve);
        Assert.Equal(["claude-sonnet-4-5", "gpt-9"], r.Cube.Models.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["gpt-9"], r.Report.UnknownModels.ToArray());
        Assert.Equal(2, r.Report.Accepted);
    }

    [Fact]
    public void Writing_then_reading_gives_the_same_cube()
    {
        var b = new UsageCubeBuilder();
        b.Add(new UsageKey(new DateOnly(2026, 1, 5), Channel.Bedrock, "a \"quoted\", name", "claude-haiku-4-5", ServiceTier.Batch, ContextBand.Standard, InferenceGeo.Global, Speed.Standard, TokenKind.CacheRead), 42);
        b.Add(UsageKey.Of(new DateOnly(2026, 1, 6), "claude-opus-4-6", TokenKind.WebSearch), 3);
        var cube = b.Build();
        var text = new StringWriter();
        CanonicalUsageCsv.Write(cube, text);
        var back = Read(text.ToString());
        Assert.Equal(cube.Cells().ToArray(), back.Cube.Cells().ToArray());
        Assert.Equal(0, back.Report.Rejected);
    }

    [Fact]
    public void Stream_and_text_writers_give_the_same_utf8_across_many_buffers()
    {
        // Enough rows to fill the write buffer many times, with names of two-, three- and four-byte characters so
        // that a buffer boundary would split one if the writer cut rows.
        var b = new UsageCubeBuilder();
        string[] workspaces = ["équipe \"α\"", "チーム,東京", "😀 team", "plain"];
        for (var d = 0; d < 400; d++)
            for (var w = 0; w < workspaces.Length; w++)
                foreach (var kind in new[] { TokenKind.UncachedInput, TokenKind.Output, TokenKind.CacheRead })
                    b.Add(new UsageKey(new DateOnly(2025, 1, 1).AddDays(d), Channel.Vertex, workspaces[w], "claude-sonnet-4-5", ServiceTier.Priority, ContextBand.Long, InferenceGeo.Us, Speed.Fast, kind), 1L + d * 1_000_003L + w);
        var cube = b.Build();

        var bytes = new MemoryStream();
        CanonicalUsageCsv.Write(cube, bytes);
        var text = new StringWriter();
        CanonicalUsageCsv.Write(cube, text);
        var viaStreamWriter = new MemoryStream();
        using (var writer = new StreamWriter(viaStreamWriter, new System.Text.UTF8Encoding(false), leaveOpen: true))
        {
            // Text the writer still buffers comes first.
            writer.Write("#");
            CanonicalUsageCsv.Write(cube, writer);
        }

        Assert.True(bytes.Length > 4 * 65536, "the cube must span several buffers");
        var decoded = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
        Assert.Equal(decoded, text.ToString());
        Assert.Equal([(byte)'#', .. bytes.ToArray()], viaStreamWriter.ToArray());
        Assert.StartsWith(string.Join(',', CanonicalUsageCsv.Header) + "\n", decoded, StringComparison.Ordinal);
        var back = Read(decoded);
        Assert.Equal(cube.Cells().ToArray(), back.Cube.Cells().ToArray());
        Assert.Equal(0, back.Report.Rejected);
    }

    private static UsageCube LargeCube()
    {
        var b = new UsageCubeBuilder();
        for (var d = 0; d < 1000; d++)
            for (var w = 0; w < 90; w++)
                foreach (var kind in new[] { TokenKind.UncachedInput, TokenKind.Output, TokenKind.CacheRead })
                    b.Add(new UsageKey(new DateOnly(2024, 1, 1).AddDays(d), Channel.Anthropic, w == 0 ? "équipe \"α\"" : $"ws-{w}", "claude-sonnet-4-5", ServiceTier.Batch, ContextBand.Standard, InferenceGeo.Global, Speed.Standard, kind), 1L + d * 7_919L + w);
        return b.Build();
    }

    /// <summary>A large cube is written by a second thread while the rows are formatted: the bytes are those of the plain path.</summary>
    [Fact]
    public void A_large_cube_written_while_formatting_gives_the_same_bytes()
    {
        var cube = LargeCube();
        Assert.True(cube.Count > 200_000, "the cube must be large enough for the pipelined path");
        var bytes = new MemoryStream();
        CanonicalUsageCsv.Write(cube, bytes);
        // A text writer that is not a UTF-8 stream writer takes the one-thread path.
        var text = new StringWriter();
        CanonicalUsageCsv.Write(cube, text);

        Assert.Equal(text.ToString(), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray()));
        Assert.Equal(cube.Count + 1, text.ToString().Count(c => c == '\n'));
    }

    /// <summary>A write that fails on the writing thread stops the formatting and reaches the caller as it was.</summary>
    [Fact]
    public void A_failing_write_of_a_large_cube_is_thrown_to_the_caller()
    {
        var cube = LargeCube();
        var error = Assert.Throws<IOException>(() => CanonicalUsageCsv.Write(cube, new FailingStream(3 << 20)));
        Assert.Equal("No space left on device", error.Message);
    }

    /// <summary>Takes <paramref name="capacity"/> bytes, then fails every write as a full disk does.</summary>
    private sealed class FailingStream(long capacity) : Stream
    {
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written;
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_written + count > capacity) throw new IOException("No space left on device");
            _written += count;
        }
    }
}
