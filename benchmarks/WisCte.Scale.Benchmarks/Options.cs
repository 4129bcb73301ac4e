using System.Globalization;

namespace WisCte.Scale.Benchmarks;

internal static class Options
{
    public static readonly int[] DefaultSizes = [10_000, 100_000, 1_000_000];

    /// <summary>--sizes A,B,C (ascending, each at least 1,000), --keep, --verify-only.</summary>
    public static (int[] Sizes, bool Keep, bool WithAudit) Parse(string[] args)
    {
        var (sizes, keep, withAudit) = (DefaultSizes, false, true);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes" when i + 1 < args.Length:
                    sizes = [.. args[++i].Split(',').Select(s => int.TryParse(s.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1000
                        ? n : throw new FormatException($"--sizes: '{s}' is not a whole number of at least 1000."))];
                    if (!sizes.SequenceEqual(sizes.Order()))
                        throw new FormatException("--sizes must be ascending, e.g. 10000,100000,1000000.");
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--verify-only":
                    withAudit = false;
                    break;
                default:
                    throw new FormatException($"unknown option '{args[i]}'. Options: --sizes A,B,C  --keep  --verify-only");
            }
        }
        return (sizes, keep, withAudit);
    }
}
