using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Recommit.Import.ClickHouse;

/// <summary>
/// The rows of the cube query's answer in ClickHouse's RowBinary format (<see cref="ClickHouseQuery.Aggregate"/>):
/// the day as a <c>Date</c> (two bytes, days from 1970-01-01), the model, workspace and tier as strings (a LEB128
/// length, then the bytes), then numbers of fixed width, little-endian: the rows (Float64 for
/// <see cref="CubeQuery.Fast"/>, else UInt64), the rows with an invalid count (UInt64; not in the fast query), one sum
/// per token column (Int64; Decimal128 in the exact query) and the checked query's Float64 guard. A row's length is
/// known once its three strings are read, so whole rows are found without a terminator.
/// </summary>
internal sealed class CubeRows(string source, CubeQuery kind, int sums)
{
    /// <summary>Where the key strings start (after the day).</summary>
    public const int FirstKey = 2;

    /// <summary>The day number of 1970-01-01, the <c>Date</c> type's zero.</summary>
    public static readonly int EpochDay = new DateOnly(1970, 1, 1).DayNumber;

    private readonly int _firstSum = kind == CubeQuery.Fast ? 8 : 16;
    private readonly int _sumBytes = kind == CubeQuery.Exact ? 16 : 8;

    /// <summary>The bytes after a row's key strings.</summary>
    private int Numbers => _firstSum + sums * _sumBytes + (kind == CubeQuery.Checked ? 8 : 0);

    /// <summary>The length of the whole rows at the start of <paramref name="buffer"/> (a row cut off, or one whose string lengths are absurd, ends them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int WholeRows(ReadOnlySpan<byte> buffer)
    {
        var at = 0;
        while (TryLength(buffer[at..], out var length, out _)) at += length;
        return at;
    }

    /// <summary>The length of the row that starts <paramref name="rows"/>, which holds it whole.</summary>
    public int Length(ReadOnlySpan<byte> rows) => Length(rows, out _);

    /// <summary>
    /// The length of the row that starts <paramref name="rows"/>, which holds it whole, and where its key strings end
    /// and its numbers begin (<paramref name="keyEnd"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Length(ReadOnlySpan<byte> rows, out int keyEnd) =>
        TryLength(rows, out var length, out keyEnd) ? length : throw new ImportException(source, null, "the server's answer has a row cut off");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryLength(ReadOnlySpan<byte> rows, out int length, out int keyEnd)
    {
        length = keyEnd = 0;
        var at = FirstKey;
        for (var s = 0; s < 3; s++)
        {
            if (!TryVarint(rows, ref at, out var bytes) || bytes > (ulong)(int.MaxValue - at)) return false;
            at += (int)bytes;
        }
        if (at > rows.Length - Numbers) return false;
        (keyEnd, length) = (at, at + Numbers);
        return true;
    }

    /// <summary>A row's day number (days from 1970-01-01; 0 is no day).</summary>
    public static int Day(ReadOnlySpan<byte> row) => BinaryPrimitives.ReadUInt16LittleEndian(row);

    /// <summary>The bytes of the string that starts <paramref name="key"/> (whole), which moves past it.</summary>
    public static ReadOnlySpan<byte> String(ref ReadOnlySpan<byte> key)
    {
        var at = 0;
        TryVarint(key, ref at, out var bytes);
        var text = key.Slice(at, (int)bytes);
        key = key[(at + (int)bytes)..];
        return text;
    }

    /// <summary>The median day number of a chunk's rows.</summary>
    public int MedianDay(ReadOnlySpan<byte> chunk)
    {
        var days = new List<int>();
        while (!chunk.IsEmpty)
        {
            days.Add(Day(chunk));
            chunk = chunk[Length(chunk)..];
        }
        days.Sort();
        return days[days.Count / 2];
    }

    /// <summary>
    /// The group's rows (from a row's <paramref name="numbers"/>), and whether its answer can be trusted. Fast: the
    /// row count, which adds 2³² for a row with a count outside 0 to 2³² − 1, is under
    /// <see cref="ClickHouseQuery.FastRowsLimit"/>. Checked: the Float64 sum of all counts is below
    /// <see cref="ClickHouseQuery.GuardLimit"/>. Exact: always.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Trusted(ReadOnlySpan<byte> numbers, out long rows)
    {
        if (kind == CubeQuery.Fast)
        {
            var count = BinaryPrimitives.ReadDoubleLittleEndian(numbers);
            rows = count is >= 0 and < ClickHouseQuery.FastRowsLimit ? (long)count : 0;
            return count is >= 0 and < ClickHouseQuery.FastRowsLimit;
        }
        rows = Count(numbers, 0);
        return kind != CubeQuery.Checked || BinaryPrimitives.ReadDoubleLittleEndian(numbers[^8..]) < ClickHouseQuery.GuardLimit;
    }

    /// <summary>The group's rows with an invalid count (none in the fast query, which vouches for every row or none).</summary>
    public long Bad(ReadOnlySpan<byte> numbers) => kind == CubeQuery.Fast ? 0 : Count(numbers, 8);

    /// <summary>Token column <paramref name="k"/>'s sum; false when it is past <see cref="long.MaxValue"/> (only an exact sum can be).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySum(ReadOnlySpan<byte> numbers, int k, out long sum)
    {
        var at = _firstSum + k * _sumBytes;
        if (kind == CubeQuery.Exact)
        {
            var exact = BinaryPrimitives.ReadInt128LittleEndian(numbers[at..]);
            sum = exact <= long.MaxValue ? (long)exact : 0;
            if (exact < 0) throw Unexpected("a negative sum");
            return exact <= long.MaxValue;
        }
        sum = BinaryPrimitives.ReadInt64LittleEndian(numbers[at..]);
        return sum >= 0 ? true : throw Unexpected("a negative sum");
    }

    private long Count(ReadOnlySpan<byte> numbers, int at)
    {
        var count = BinaryPrimitives.ReadUInt64LittleEndian(numbers[at..]);
        return count <= long.MaxValue ? (long)count : throw Unexpected("a row count past 2⁶³");
    }

    private ImportException Unexpected(string what) => new(source, null, $"the server's answer has {what} where the query cannot give one");

    /// <summary>Reads a LEB128 length at <paramref name="at"/>, which moves past it; false when the bytes end first or it runs past 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryVarint(ReadOnlySpan<byte> bytes, ref int at, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= bytes.Length) return false;
            var b = bytes[at++];
            // The tenth byte holds the 64th bit alone.
            if (shift == 63 && b > 1) return false;
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return true;
        }
        return false;
    }
}
