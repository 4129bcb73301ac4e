using NUnit.Framework;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace WisCte.Reqnroll.NUnit.Runtime;

/// <summary>Files a step attaches also become NUnit test attachments (and so TRX result files).</summary>
public sealed class NUnitAttachmentHandler(ITraceListener traceListener) : ReqnrollAttachmentHandler(traceListener)
{
    public override void AddAttachment(string filePath)
    {
        if (TestContext.CurrentContext.Test.ID is null)
            base.AddAttachment(filePath);
        else
            TestContext.AddTestAttachment(filePath);
    }
}
