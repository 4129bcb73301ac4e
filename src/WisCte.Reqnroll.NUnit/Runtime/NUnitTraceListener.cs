using NUnit.Framework;
using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace WisCte.Reqnroll.NUnit.Runtime;

/// <summary>Step output goes to the NUnit test's output; outside a scenario it also goes to Reqnroll's own listener.</summary>
public sealed class NUnitTraceListener(ITraceListenerQueue queue, IObjectContainer container) : AsyncTraceListener(queue, container)
{
    private readonly Lazy<IContextManager> _contextManager = new(container.Resolve<IContextManager>);

    public override void WriteTestOutput(string message)
    {
        TestContext.Out.WriteLine(message);
        if (_contextManager.Value.ScenarioContext is null)
            base.WriteTestOutput(message);
    }

    public override void WriteToolOutput(string message)
    {
        TestContext.Out.WriteLine("-> " + message);
        if (_contextManager.Value.ScenarioContext is null)
            base.WriteToolOutput(message);
    }
}
