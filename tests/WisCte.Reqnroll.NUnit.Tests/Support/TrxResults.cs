using System.Xml.Linq;

namespace WisCte.Reqnroll.NUnit.Tests.Support;

/// <summary>The results a `dotnet test` run wrote to its TRX file.</summary>
public sealed record TrxResult(string Name, string FixtureClass, string Outcome, string Message, string Output);

public static class TrxResults
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static IReadOnlyList<TrxResult> Load(string path)
    {
        var root = XDocument.Load(path).Root!;
        var classes = root.Descendants(Ns + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id")!,
            t => (string?)t.Element(Ns + "TestMethod")?.Attribute("className") ?? "",
            StringComparer.Ordinal);
        return [.. root.Descendants(Ns + "UnitTestResult").Select(r => new TrxResult(
            (string)r.Attribute("testName")!,
            classes.GetValueOrDefault((string)r.Attribute("testId")!, ""),
            (string)r.Attribute("outcome")!,
            (string?)r.Descendants(Ns + "Message").FirstOrDefault() ?? "",
            (string?)r.Descendants(Ns + "StdOut").FirstOrDefault() ?? ""))];
    }
}
