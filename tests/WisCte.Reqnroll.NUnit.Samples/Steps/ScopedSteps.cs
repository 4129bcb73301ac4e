using FluentAssertions;
using Reqnroll;

namespace WisCte.Reqnroll.NUnit.Samples.Steps;

[Binding]
public sealed class ScopedSteps(Journal journal)
{
    [When("the scoped step runs")]
    [Scope(Tag = "scoped-a")]
    public void ScopedByTag() => journal.ScopedAnswer = "A";

    [When("the scoped step runs")]
    [Scope(Feature = "Scoped bindings B")]
    public void ScopedByFeature() => journal.ScopedAnswer = "B";

    [Then("the scoped answer is {string}")]
    public void Answer(string expected) => journal.ScopedAnswer.Should().Be(expected);
}
