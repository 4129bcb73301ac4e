namespace WisCte.Reqnroll.NUnit.Reporting;

/// <summary>A page written beside the Cucumber report once the run's messages are on disk (e.g. an index by use case).</summary>
public interface IReportCompanion
{
    void Write(LivingDocOptions options, CucumberReport report);
}

/// <summary>Names a test assembly's <see cref="IReportCompanion"/>: made and called at the end of the run, in order.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ReportCompanionAttribute(Type companion) : Attribute
{
    public Type Companion { get; } = companion;
}
