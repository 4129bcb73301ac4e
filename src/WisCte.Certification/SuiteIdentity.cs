using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using WisCte.Certification.Rules;
using WisCte.Dpi.L1;
using WisCte.Dpi.L2;

namespace WisCte.Certification;

/// <summary>
/// Which suite judged: its semantic version (with the commit it was built from), and a hash of what decides a verdict:
/// the feature files (embedded at build), certification's rule catalogue, DPI's L1 and L2 rules, and the DPI tables they
/// read (data properties, programs). Two runs with the same hash judged by the same rules, whatever the build; DPI can
/// ask for recertification against a known suite by either.
/// </summary>
public static class SuiteIdentity
{
    private static readonly Lazy<string> Computed = new(ComputeHash);

    public static string Version =>
        typeof(SuiteIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>SHA-256 (hex) of the features and rules.</summary>
    public static string Hash => Computed.Value;

    /// <summary>Version and the hash's first 12 digits, for a page's summary line.</summary>
    public static string Summary => $"{Version} (features and rules {Hash[..12]})";

    /// <summary>The parts hashed, in order: each named, so that a change can be traced to one.</summary>
    public static IEnumerable<(string Name, byte[] Content)> Parts()
    {
        foreach (var (assembly, prefix) in new[] { (typeof(SuiteIdentity).Assembly, "features/"), (typeof(L1RuleSet).Assembly, "dpi/") })
        {
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                yield return (name, copy.ToArray());
            }
        }
        yield return ("certification rules", Lines(RuleCatalog.All.Select(r => $"{r.Id}|{r.Cause}|{r.Basis}|{r.Severity}|{r.Source}|{string.Join(',', r.UseCases)}")));
        yield return ("L1 rules", Lines(L1RuleSet.Dpi.Rules.Select(r => $"{r.Id}|{r.Source}")));
        yield return ("L2 rules", Lines(L2RuleSet.Dpi.Rules.Select(r => $"{r.Code}|{r.Severity}|{r.Source}")));
    }

    private static byte[] Lines(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines));

    private static string ComputeHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in Parts())
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{content.Length}\n"));
            hash.AppendData(content);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
