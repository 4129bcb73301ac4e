using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace WisCte.Reqnroll.NUnit.Catalog;

/// <summary>The Source, GherkinDocument and Pickles that Reqnroll's formatters publish for a feature, built at load time.</summary>
internal sealed class ParsedFeatureMessages(Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles)
    : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;
    public Source Source => source;
    public GherkinDocument GherkinDocument => document;
    public IEnumerable<Pickle> Pickles => pickles;
}
