namespace WisCte.ScriptedSis.Runner;

/// <summary>A command line the scripted SIS cannot use.</summary>
internal sealed class UsageException(string message) : Exception(message);
