package io.blueflash.service;

import io.blueflash.chip.ChipDescription;
import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.flash.FlashAlgorithmSelector;
import io.blueflash.flash.FlashOperationException;
import io.blueflash.flash.FlashPlan;
import io.blueflash.flash.FlashPlanner;
import io.blueflash.flash.FlashRangeException;
import io.blueflash.flash.PageAction;
import io.blueflash.flash.PagePlan;
import io.blueflash.flash.stm32f1.ReadProtection;
import io.blueflash.model.EraseMode;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.FlashOptions;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteImageUseCase;
import io.blueflash.port.in.WriteReport;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.progress.FlashPhase;
import io.blueflash.progress.ProgressEvent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an image: connect → identify the chip → apply {@code --flash} → check the image fits →
 * halt → refuse a read-protected chip → read back touched pages → plan → erase → program →
 * verify by read-back → optionally reset and run.
 *
 * <p>Nothing on the target changes before the plan exists, and the plan keeps every byte of a
 * touched page that the image does not cover ({@link FlashPlanner}), so a page is never erased
 * without its other bytes being written back. Mass erase is the user's explicit choice.
 */
public final class WriteImageService implements WriteImageUseCase {

    private final ProbeConnectors connectors;

    public WriteImageService(List<ProbeConnector> connectors) {
        this.connectors = new ProbeConnectors(connectors);
    }

    @Override
    public WriteReport write(WriteImageRequest request) {
        FlashOptions options = request.options();
        if (request.image().isEmpty()) {
            throw new FlashRangeException("the image holds no bytes: nothing to write");
        }
        PhaseRunner phases = new PhaseRunner(request.progress());
        try (Session session = Session.open(connectors, request.probe(), request.connect())) {
            ChipDescription chip = session.identify(options.flashSizeBytes(), request.progress());
            FlashGeometry geometry = chip.flash();
            List<Integer> touched = FlashPlanner.touchedPages(request.image(), geometry);
            session.haltIfPossible();
            ReadProtection.requireInactive(session.memory());
            FlashAlgorithm algorithm = FlashAlgorithmSelector.select(session.connection(), geometry,
                    options.pacing(), chip.isClone());
            phases.note("flash algorithm: " + algorithm.name());

            Map<Integer, byte[]> current = options.eraseMode() == EraseMode.MASS
                    ? Map.of() : readBack(algorithm, geometry, touched, phases, session);
            FlashPlan plan = FlashPlanner.plan(request.image(), geometry, current, options);
            phases.event(new ProgressEvent.PlanReady(plan.pagesToErase().size(), plan.pagesToProgram().size(),
                    plan.count(PageAction.SKIP_UNCHANGED), plan.bytesToProgram(), plan.massErase()));

            erase(algorithm, plan, phases);
            algorithm = program(algorithm, plan, phases, FlashAlgorithmSelector.clonePacingFallback(
                    session.connection(), geometry, options.pacing(), chip.isClone()));
            if (options.verifyAfterWrite()) {
                verify(algorithm, plan, phases);
            }
            boolean reset = options.resetAfterWrite() && Resets.runFirmware(session, phases);
            return new WriteReport(session.probe(), chip.summary(), plan.pagesToErase().size(),
                    plan.pagesToProgram().size(), plan.count(PageAction.SKIP_UNCHANGED), plan.bytesToProgram(),
                    plan.massErase(), options.verifyAfterWrite(), reset, session.timing());
        }
    }

    private static Map<Integer, byte[]> readBack(FlashAlgorithm algorithm, FlashGeometry geometry,
                                                 List<Integer> touched, PhaseRunner phases, Session session) {
        Map<Integer, byte[]> current = new HashMap<>();
        phases.run(FlashPhase.READ_BACK, (long) touched.size() * geometry.pageSize(), tick -> {
            for (int page : touched) {
                try {
                    current.put(page, algorithm.read(geometry.pageAddress(page), geometry.pageSize()));
                } catch (MemoryFaultException fault) {
                    throw ReadProtection.explain(session.memory(), fault);
                }
                tick.advance(geometry.pageSize());
            }
        });
        return current;
    }

    private static void erase(FlashAlgorithm algorithm, FlashPlan plan, PhaseRunner phases) {
        if (plan.massErase()) {
            long size = plan.geometry().sizeBytes();
            phases.run(FlashPhase.ERASE, size, tick -> {
                algorithm.massErase();
                tick.advance(size);
            });
            return;
        }
        List<PagePlan> pages = plan.pagesToErase();
        int pageSize = plan.geometry().pageSize();
        phases.run(FlashPhase.ERASE, (long) pages.size() * pageSize, tick -> algorithm.erasePages(
                pages.stream().map(PagePlan::address).toList(), address -> tick.advance(pageSize)));
    }

    /**
     * Programs the planned pages as one batch. With a clone-safe fallback at hand, the first page
     * goes alone and is read back at once: if half-words are missing, the chip drops writes made
     * while BSY (an unrecognised clone), so that page is erased and reprogrammed, and the rest
     * follow, with half-word pacing.
     *
     * @return the algorithm that programmed the pages (verification reads through it)
     */
    private static FlashAlgorithm program(FlashAlgorithm first, FlashPlan plan, PhaseRunner phases,
                                          Optional<FlashAlgorithm> fallback) {
        List<PagePlan> pages = plan.pagesToProgram();
        FlashAlgorithm[] algorithm = {first};
        phases.run(FlashPhase.PROGRAM, plan.bytesToProgram(), tick -> {
            int start = 0;
            if (fallback.isPresent()) {
                PagePlan page = pages.get(0);
                algorithm[0].programPage(page.address(), page.data());
                if (!readsBack(algorithm[0], page)) {
                    phases.note("page " + page.index() + " read back wrong after block programming: this chip "
                            + "drops half-words written while the FPEC is busy (a clone); "
                            + "reprogramming with half-word pacing, which is slower");
                    algorithm[0] = fallback.get();
                    algorithm[0].erasePage(page.address());
                    algorithm[0].programPage(page.address(), page.data());
                }
                tick.advance(page.size());
                start = 1;
            }
            algorithm[0].programPages(pages.subList(start, pages.size()), page -> tick.advance(page.size()));
            algorithm[0].finish();
        });
        return algorithm[0];
    }

    private static boolean readsBack(FlashAlgorithm algorithm, PagePlan page) {
        algorithm.finish();
        return Arrays.equals(algorithm.read(page.address(), page.size()), page.data());
    }

    private static void verify(FlashAlgorithm algorithm, FlashPlan plan, PhaseRunner phases) {
        List<PagePlan> pages = plan.pagesToProgram();
        phases.run(FlashPhase.VERIFY, plan.bytesToProgram(), tick -> {
            for (PagePlan page : pages) {
                byte[] expected = page.data();
                byte[] actual = algorithm.read(page.address(), expected.length);
                PageReadBack.requireEqual(page, expected, actual);
                tick.advance(page.size());
            }
        });
    }
}
