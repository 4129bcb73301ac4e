using WisCte.Reqnroll.NUnit.Reporting;

[assembly: ReportCompanion(typeof(WisCte.Reqnroll.NUnit.Samples.LivingDoc.SampleUseCaseIndex))]

namespace WisCte.Reqnroll.NUnit.Samples.LivingDoc;

/// <summary>A use-case index over the samples, in a catalogue's order (4.0 has no scenario: its row says so).</summary>
public sealed class SampleUseCaseIndex : IReportCompanion
{
    public static readonly IReadOnlyList<IndexRow> Catalogue =
    [
        new("uc-1.0", "1.0", "Reporting certified programs at a course level", "A sample line in the source's own words."),
        new("uc-2.0", "2.0", "Reporting work-based learning at a non-course level"),
        new("uc-3.0", "3.0", "Reporting non-certified programs"),
        new("uc-4.0", "4.0", "Reporting dual enrollment programs"),
    ];

    public void Write(LivingDocOptions options, CucumberReport report)
    {
        ArgumentNullException.ThrowIfNull(options);
        TagIndex.Build(report, Catalogue, "sy-").WriteBeside(options, "use-cases.html", "Use cases by school year", "Sample use cases by school year",
            [("Target", "the samples"), ("Suite version", "sample")], tag => tag.Replace("sy-", "year ", StringComparison.Ordinal));
    }
}
