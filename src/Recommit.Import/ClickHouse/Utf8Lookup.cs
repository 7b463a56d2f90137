using System.Runtime.CompilerServices;
using System.Diagnostics.CodeAnalysis;

namespace Recommit.Import.ClickHouse;

/// <summary>
/// A table from raw UTF-8 field text to what it means (a day, a resolved model name, a tier), looked up by the bytes
/// as they sit in the server's answer, so a value seen before costs a hash and no allocation.
/// </summary>
internal sealed class Utf8Lookup<T>
{
    private readonly Dictionary<byte[], T> _known = new(Bytes.Instance);
    private readonly Dictionary<byte[], T>.AlternateLookup<ReadOnlySpan<byte>> _byText;

    public Utf8Lookup() => _byText = _known.GetAlternateLookup<ReadOnlySpan<byte>>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ReadOnlySpan<byte> text, [MaybeNullWhen(false)] out T value) => _byText.TryGetValue(text, out value);

    public void Add(ReadOnlySpan<byte> text, T value) => _byText[text] = value;

    private sealed class Bytes : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly Bytes Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] bytes) => GetHashCode((ReadOnlySpan<byte>)bytes);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
