using System.Buffers.Binary;
using Recommit.Import.ClickHouse;

namespace Recommit.Import.Tests.ClickHouse;

/// <summary>The cube query's RowBinary rows (<see cref="CubeRows"/>): framing, keys and the fast query's guard, without a server.</summary>
public class CubeRowsTests
{
    /// <summary>A row in the fast query's layout: day, model, workspace, tier, the Float64 row count and Int64 sums.</summary>
    private static byte[] FastRow(ushort day, string model, string workspace, string tier, double rows, params long[] sums)
    {
        var bytes = new List<byte>();
        bytes.AddRange(BitConverter.GetBytes(day));
        foreach (var text in new[] { model, workspace, tier })
        {
            var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
            for (var n = (ulong)utf8.Length; ; n >>= 7)
            {
                bytes.Add((byte)(n < 0x80 ? n : (n & 0x7F) | 0x80));
                if (n < 0x80) break;
            }
            bytes.AddRange(utf8);
        }
        var number = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(number, rows);
        bytes.AddRange(number);
        foreach (var sum in sums)
        {
            BinaryPrimitives.WriteInt64LittleEndian(number, sum);
            bytes.AddRange(number);
        }
        return [.. bytes];
    }

    [Fact]
    public void Whole_rows_end_before_a_row_that_is_cut_off_and_names_of_any_length_are_read()
    {
        var layout = new CubeRows("t", CubeQuery.Fast, sums: 2);
        var longName = new string('é', 200);
        byte[] first = FastRow(20_000, "claude-opus-5", longName, "", 3, 10, 20), second = FastRow(20_001, "claude-opus-5", "", "batch", 1, 5, 0);
        byte[] buffer = [.. first, .. second, .. FastRow(20_002, "m", "w", "t", 1, 1, 1)[..^1]];

        Assert.Equal(first.Length + second.Length, layout.WholeRows(buffer));
        Assert.Equal(first.Length, layout.Length(buffer, out var keyEnd));
        Assert.Equal(20_000, CubeRows.Day(first));
        ReadOnlySpan<byte> key = first.AsSpan(CubeRows.FirstKey, keyEnd - CubeRows.FirstKey);
        Assert.Equal("claude-opus-5", System.Text.Encoding.UTF8.GetString(CubeRows.String(ref key)));
        Assert.Equal(longName, System.Text.Encoding.UTF8.GetString(CubeRows.String(ref key)));
        Assert.Equal("", System.Text.Encoding.UTF8.GetString(CubeRows.String(ref key)));
        Assert.True(key.IsEmpty);
        Assert.Equal(20_001, layout.MedianDay([.. first, .. second]));
    }

    [Fact]
    public void A_string_length_past_what_any_row_holds_is_never_a_whole_row()
    {
        var layout = new CubeRows("t", CubeQuery.Fast, sums: 1);
        // The day, then a length of 2⁴² (seven LEB128 bytes) and too few bytes after it.
        byte[] garbage = [0x10, 0x4E, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, .. new byte[64]];

        Assert.Equal(0, layout.WholeRows(garbage));
        Assert.Throws<ImportException>(() => layout.Length(garbage));
        // A length of ten LEB128 bytes whose last holds more than the 64th bit is no length at all.
        byte[] tooLong = [0x10, 0x4E, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02, .. new byte[64]];
        Assert.Equal(0, layout.WholeRows(tooLong));
    }

    [Theory]
    [InlineData(5.0, true, 5L)]
    [InlineData(2147483647.0, true, 2147483647L)]
    [InlineData(2147483648.0, false, 0L)]
    [InlineData(4294967297.0, false, 0L)]
    [InlineData(-1.0, false, 0L)]
    [InlineData(double.NaN, false, 0L)]
    public void The_fast_row_count_vouches_for_its_group_only_under_two_to_the_31(double count, bool trusted, long rows)
    {
        var layout = new CubeRows("t", CubeQuery.Fast, sums: 1);
        var row = FastRow(20_000, "m", "w", "", count, 7);

        layout.Length(row, out var keyEnd);
        Assert.Equal(trusted, layout.Trusted(row.AsSpan(keyEnd), out var read));
        Assert.Equal(rows, read);
    }

    [Fact]
    public void An_exact_sum_past_64_bits_is_reported_not_wrapped_and_a_negative_sum_is_refused()
    {
        var layout = new CubeRows("t", CubeQuery.Exact, sums: 2);
        // rows (UInt64), bad rows (UInt64), then two Decimal128 sums: 2⁶³ and 5.
        var numbers = new byte[16 + 32];
        BinaryPrimitives.WriteUInt64LittleEndian(numbers, 3);
        BinaryPrimitives.WriteInt128LittleEndian(numbers.AsSpan(16), (Int128)long.MaxValue + 1);
        BinaryPrimitives.WriteInt128LittleEndian(numbers.AsSpan(32), 5);

        Assert.True(layout.Trusted(numbers, out var rows));
        Assert.Equal(3, rows);
        Assert.False(layout.TrySum(numbers, 0, out _));
        Assert.True(layout.TrySum(numbers, 1, out var five));
        Assert.Equal(5, five);
        BinaryPrimitives.WriteInt128LittleEndian(numbers.AsSpan(32), -1);
        Assert.Throws<ImportException>(() => layout.TrySum(numbers, 1, out _));
    }
}
