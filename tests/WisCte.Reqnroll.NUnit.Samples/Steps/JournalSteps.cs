using FluentAssertions;
using Reqnroll;

namespace WisCte.Reqnroll.NUnit.Samples.Steps;

[Binding]
public sealed class JournalSteps(Journal journal)
{
    [StepDefinition("the journal notes {string}")]
    public void Note(string entry) => journal.Entries.Add(entry);

    [Then("the journal reads {string}")]
    public void Reads(string expected) => string.Join(", ", journal.Entries).Should().Be(expected);
}
