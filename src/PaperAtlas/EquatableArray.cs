using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PaperAtlas;

/// <summary>
/// An immutable array that equals another with the same items in the same order, so that a record holding one
/// compares by value (an <see cref="ImmutableArray{T}"/> compares by reference). Read-only <see cref="IList"/> too, which
/// is what templates need for <c>.size</c> and loops. The default value is the empty array.
/// </summary>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>, IList
{
    private readonly T[]? _items;

    public EquatableArray(ImmutableArray<T> items) => _items = ImmutableCollectionsMarshal.AsArray(items);

    public int Length => _items?.Length ?? 0;

    public bool IsEmpty => Length == 0;

    public T this[int index] => (_items ?? [])[index];

    public ReadOnlySpan<T> AsSpan() => _items;

    public ImmutableArray<T> AsImmutableArray() => ImmutableCollectionsMarshal.AsImmutableArray(_items ?? []);

    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) => new(items);

    public static implicit operator ImmutableArray<T>(EquatableArray<T> items) => items.AsImmutableArray();

    public bool Equals(EquatableArray<T> other) =>
        ReferenceEquals(_items, other._items) || AsSpan().SequenceEqual(other.AsSpan(), EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in AsSpan())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public ImmutableArray<T>.Enumerator GetEnumerator() => AsImmutableArray().GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? []).GetEnumerator();

    int IReadOnlyCollection<T>.Count => Length;

    int ICollection.Count => Length;

    bool IList.IsReadOnly => true;

    bool IList.IsFixedSize => true;

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => _items ?? (object)Array.Empty<T>();

    object? IList.this[int index]
    {
        get => this[index];
        set => throw new NotSupportedException();
    }

    bool IList.Contains(object? value) => value is T item && Array.IndexOf(_items ?? [], item) >= 0;

    int IList.IndexOf(object? value) => value is T item ? Array.IndexOf(_items ?? [], item) : -1;

    void ICollection.CopyTo(Array array, int index) => (_items ?? []).CopyTo(array, index);

    int IList.Add(object? value) => throw new NotSupportedException();

    void IList.Clear() => throw new NotSupportedException();

    void IList.Insert(int index, object? value) => throw new NotSupportedException();

    void IList.Remove(object? value) => throw new NotSupportedException();

    void IList.RemoveAt(int index) => throw new NotSupportedException();
}

/// <summary>Makes <see cref="EquatableArray{T}"/>s (the builder collection expressions use).</summary>
public static class EquatableArray
{
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new([.. items]);

    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new([.. items]);
}
