using NUnit.Framework;

// Scenario-level parallelism: the adapter keeps no scenario state in statics or fields of the fixture.
[assembly: Parallelizable(ParallelScope.All)]
[assembly: LevelOfParallelism(4)]
