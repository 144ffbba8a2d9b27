using System.Collections;
using System.Reflection;

namespace PaperAtlas.Incremental;

/// <summary>
/// Value equality through records, arrays and lists. The pipeline's records hold <c>ImmutableArray</c>s, which
/// compare by reference, so record equality calls two equal papers different. Reading properties by reflection
/// means a field added to a record later is compared too, not silently taken as unchanged.
/// </summary>
internal static class DeepEquality
{
    /// <summary>Whether two values are equal, field by field; <paramref name="byReference"/> types compare by identity only.</summary>
    public static bool Equal(object? a, object? b, Type? byReference = null, IReadOnlySet<string>? ignore = null)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.GetType() != b.GetType())
        {
            return false;
        }

        var type = a.GetType();
        if (byReference is not null && byReference.IsAssignableFrom(type))
        {
            return false;
        }

        if (a is string || type.IsPrimitive || type.IsEnum || a is decimal or DateTime or TimeSpan)
        {
            return a.Equals(b);
        }

        if (a is IEnumerable left && b is IEnumerable right)
        {
            var x = left.GetEnumerator();
            var y = right.GetEnumerator();
            while (true)
            {
                var more = x.MoveNext();
                if (more != y.MoveNext())
                {
                    return false;
                }

                if (!more)
                {
                    return true;
                }

                if (!Equal(x.Current, y.Current, byReference))
                {
                    return false;
                }
            }
        }

        foreach (var property in Properties(type))
        {
            if (ignore is not null && ignore.Contains(property.Name))
            {
                continue;
            }

            if (!Equal(property.GetValue(a), property.GetValue(b), byReference))
            {
                return false;
            }
        }

        // Tuples and other structs keep their data in fields.
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!Equal(field.GetValue(a), field.GetValue(b), byReference))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");
}
