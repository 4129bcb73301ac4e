using System.Collections.Concurrent;
using WisCte.EdFi.Model;
using WisCte.Journal;

namespace WisCte.Certification;

/// <summary>
/// The journal read for judging, its entries prepared ahead of the judgement on the machine's cores: each line parsed,
/// each entry parsed into an <see cref="Exchange"/>, and each accepted write bound, keyed and put in the form the final
/// state keeps (<see cref="Exchange.Written"/>). That work depends on the entry alone, so blocks of it run in parallel
/// while the judgement applies earlier entries in order; what depends on order (the final state, the rules) stays on
/// one thread. A few blocks are in flight at once, so memory does not grow with the journal.
/// </summary>
internal static class ExchangePipeline
{
    /// <summary>Entries in a block of a journal given as entries (a journal file's blocks are about 64 KB of lines).</summary>
    private const int BatchSize = 64;

    /// <summary>Blocks prepared or being prepared ahead of the judgement: enough to keep every core busy.</summary>
    private static readonly int BlocksAhead = Environment.ProcessorCount;

    /// <summary>
    /// The exchanges, in the journal's order. A line the journal cannot read throws its own exception (naming the line)
    /// once the exchanges before it have been handed over, and ends the judgement; a consumer that stops early stops the
    /// reading.
    /// </summary>
    public static IEnumerable<Exchange> Read(IEnumerable<JournalEntry> journal, SchoolYear defaultYear, SchemaCatalog schema)
    {
        Func<JournalEntry, Exchange> prepare = entry =>
        {
            var exchange = new Exchange(entry, defaultYear);
            if (exchange.IsWriteAccepted)
                exchange.Written(schema);
            return exchange;
        };
        // A journal file is handed over as blocks of raw lines, so parsing the lines runs in parallel too.
        var blocks = journal is JournalFileEntries file
            ? file.Blocks().Select(block => (Func<Exchange[]>)(() =>
            {
                using (block)
                    return [.. block.Entries().Select(prepare)];
            }))
            : journal.Chunk(BatchSize).Select(entries => (Func<Exchange[]>)(() => [.. entries.Select(prepare)]));
        return Ordered(blocks);
    }

    /// <summary>Runs each block's work on the thread pool, a few ahead, and hands over the results in the blocks' order.</summary>
    private static IEnumerable<Exchange> Ordered(IEnumerable<Func<Exchange[]>> blocks)
    {
        using var started = new BlockingCollection<Task<Exchange[]>>(BlocksAhead);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() => Start(blocks, started, stop.Token));
        var finished = false;
        try
        {
            foreach (var block in started.GetConsumingEnumerable())
            {
                // A block that failed throws here, after every block before it was handed over.
                foreach (var exchange in block.GetAwaiter().GetResult())
                    yield return exchange;
            }
            producer.GetAwaiter().GetResult(); // reading the blocks themselves failed (an unreadable file)
            finished = true;
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
                Task.WaitAll([.. started]);
            }
            catch (Exception) when (!finished)
            {
                // The consumer stopped first: what went wrong after it stopped reading is not its concern.
            }
        }
    }

    private static void Start(IEnumerable<Func<Exchange[]>> blocks, BlockingCollection<Task<Exchange[]>> started, CancellationToken stop)
    {
        try
        {
            foreach (var work in blocks)
                started.Add(Task.Run(work, CancellationToken.None), stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The consumer stopped reading.
        }
        finally
        {
            started.CompleteAdding();
        }
    }
}
