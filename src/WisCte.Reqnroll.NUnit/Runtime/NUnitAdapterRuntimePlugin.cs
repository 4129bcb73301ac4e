using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;
using WisCte.Reqnroll.NUnit.Reporting;

namespace WisCte.Reqnroll.NUnit.Runtime;

/// <summary>
/// What Reqnroll's NUnit plugin registers, which this registry does not serve. A test assembly names it with
/// <c>[assembly: RuntimePlugin(typeof(NUnitAdapterRuntimePlugin))]</c>; without it every scenario fails with
/// "IUnitTestRuntimeProvider('nunit') cannot be resolved".
/// </summary>
public sealed class NUnitAdapterRuntimePlugin : IRuntimePlugin
{
    public const string ProviderName = "nunit";

    public void Initialize(
        RuntimePluginEvents runtimePluginEvents,
        RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<NUnitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
            e.ObjectContainer.RegisterInstanceAs(LivingDocOptions.Resolve());
        };
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<NUnitTraceListener, ITraceListener>();
            e.ObjectContainer.RegisterTypeAs<NUnitAttachmentHandler, IReqnrollAttachmentHandler>();
        };
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }
}
