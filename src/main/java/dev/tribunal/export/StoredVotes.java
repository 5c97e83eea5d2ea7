package dev.tribunal.export;

import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleKind;
import dev.tribunal.store.VoteRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The votes in the store, streamed through its cursor, as the export's {@link VoteExport.Source}. A critique the
 * arena can still deal is withheld (its judge is named, what it said is not): published together, the two would
 * name the judge of that critique in every later round that shows it.
 */
public final class StoredVotes implements VoteExport.Source {

    private final Database db;

    public StoredVotes(Database db) {
        this.db = db;
    }

    @Override
    public void forEachVote(Consumer<ExportedVote> sink) {
        Map<String, String> organisations = new HashMap<>();
        for (Contestant c : db.contestants().list(ContestantKind.JUDGE)) organisations.put(c.name(), c.organisation());
        db.votes().forEachVoteRecord(r -> sink.accept(toExported(r, organisations)));
    }

    private static ExportedVote toExported(VoteRecord r, Map<String, String> organisations) {
        Sample s = r.sample();
        boolean pair = s.kind() == SampleKind.PAIR;
        return new ExportedVote(r.vote().createdAt(), r.vote().voterHash(), r.vote().choice().code(), s.category(),
                s.kind().code(), s.input(), s.response(), s.responseA(), s.responseB(), s.reference(),
                pair ? null : s.modelA(), pair ? s.modelA() : null, pair ? s.modelB() : null,
                judgement(r.judgeA(), r.evaluationA(), r.inArenaA(), organisations),
                judgement(r.judgeB(), r.evaluationB(), r.inArenaB(), organisations),
                r.vote().flag() == null ? null : r.vote().flag().code());
    }

    private static ExportedVote.Judgement judgement(String judge, Evaluation e, boolean inArena,
                                                    Map<String, String> organisations) {
        if (inArena) return ExportedVote.Judgement.withheld(judge, organisations.get(judge));
        return new ExportedVote.Judgement(judge, organisations.get(judge), e.verdict(), e.score(), e.critique());
    }
}
