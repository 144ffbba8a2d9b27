using System.Text;

namespace PaperAtlas.Render.GraphLayout;

/// <summary>
/// A hash of a string that is the same on every run and every machine (FNV-1a over UTF-8, then a 64-bit mix),
/// unlike <see cref="string.GetHashCode()"/>, which .NET randomises per process.
/// </summary>
public static class StableHash
{
    public static ulong Of(string text, ulong salt = 0)
    {
        var hash = 14695981039346656037UL ^ Mix(salt);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>A number in [0, 1) from the text and a salt.</summary>
    public static double Unit(string text, ulong salt) => (Of(text, salt) >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
