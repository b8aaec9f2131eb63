package io.blueflash.service;

import io.blueflash.chip.ChipDescription;
import io.blueflash.flash.FlashAlgorithm;
import io.blueflash.flash.FlashDriver;
import io.blueflash.flash.FlashOperationException;
import io.blueflash.flash.FlashPlan;
import io.blueflash.flash.FlashPlanner;
import io.blueflash.flash.FlashRangeException;
import io.blueflash.flash.PageAction;
import io.blueflash.flash.PagePlan;
import io.blueflash.image.FirmwareImage;
import io.blueflash.model.EraseMode;
import io.blueflash.model.FlashGeometry;
import io.blueflash.model.FlashOptions;
import io.blueflash.model.UniqueId;
import io.blueflash.port.in.FlashMap;
import io.blueflash.port.in.IdentifiedTarget;
import io.blueflash.port.in.OperationTiming;
import io.blueflash.port.in.TargetBytes;
import io.blueflash.port.in.WriteImageRequest;
import io.blueflash.port.in.WriteImageUseCase;
import io.blueflash.port.in.WriteReport;
import io.blueflash.port.out.MemoryFaultException;
import io.blueflash.port.out.ProbeConnector;
import io.blueflash.progress.FlashPhase;
import io.blueflash.progress.ProgressEvent;
import io.blueflash.trace.TraceOperation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an image: connect → identify the chip → apply {@code --flash} → check the image fits →
 * halt → refuse a read-protected chip → learn what the pages the plan needs hold (checksums on the
 * target where the driver computes them, else read-back; {@link PageCheck}) → plan → erase → program
 * → verify (checksums or read-back) → optionally reset and run.
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
            throw new FlashRangeException(FlashRangeException.Reason.EMPTY, "the image holds no bytes: nothing to write");
        }
        try (Session session = Session.open(connectors, request.probe(), request.connect())) {
            PhaseRunner phases = session.phases(request.progress());
            ChipDescription chip = session.identify(options.flashSizeBytes(), request.progress());
            FlashGeometry geometry = chip.flash();
            Optional<UniqueId> uniqueId = Optional.empty();
            TargetBytes own = TargetBytes.NONE;
            if (request.targetData().isPresent()) {
                uniqueId = session.uniqueId();
                uniqueId.ifPresent(id -> phases.note("unique ID: " + id.text()));
                own = request.targetData().get().bytesFor(new IdentifiedTarget(session.probe(), chip.summary(), uniqueId));
                if (!own.isEmpty()) {
                    phases.note("target data: " + own.description());
                }
            }
            FirmwareImage image = TargetImage.merge(request.image(), own);
            FlashPlanner.touchedPages(image, geometry); // refuses an image that does not fit, before halting
            session.haltIfPossible();
            FlashDriver algorithm = session.driver(chip, options.pacing(), options.method(), request.progress());
            algorithm.requireNotReadProtected();
            phases.note("flash algorithm: " + algorithm.name());

            List<Integer> needed = FlashPlanner.pagesToReadBack(image, geometry, options);
            if (!needed.isEmpty()) {
                session.step(new TraceOperation.ReadBack(needed.get(0), needed.size(), geometry.pageAddress(needed.get(0)),
                        (long) needed.size() * geometry.pageSize()));
            }
            FlashPlan plan = PageCheck.plan(algorithm, image, geometry, options, phases);
            session.step(new TraceOperation.Plan(plan.pagesToErase().size(), plan.pagesToProgram().size(),
                    plan.count(PageAction.SKIP_UNCHANGED)));
            phases.event(new ProgressEvent.PlanReady(plan.pagesToErase().size(), plan.pagesToProgram().size(),
                    plan.count(PageAction.SKIP_UNCHANGED), plan.bytesToProgram(), plan.massErase()));

            erase(algorithm, plan, phases);
            program(algorithm, plan, phases);
            if (options.verifyAfterWrite()) {
                verify(session, algorithm, plan, phases, options.eraseMode() == EraseMode.NONE);
            }
            FlashMaps.Protection protection = request.flashMap()
                    ? FlashMaps.Protection.of(algorithm, phases) : FlashMaps.Protection.UNKNOWN;
            boolean reset = options.resetAfterWrite() && Resets.runFirmware(session, phases);
            OperationTiming timing = session.timing();
            Optional<FlashMap> map = request.flashMap()
                    ? Optional.of(FlashMaps.write(chip.summary(), plan, image, algorithm, protection,
                            phases.times(), timing))
                    : Optional.empty();
            return new WriteReport(session.probe(), chip.summary(), plan.pagesToErase().size(),
                    plan.pagesToProgram().size(), plan.count(PageAction.SKIP_UNCHANGED), plan.bytesToProgram(),
                    plan.massErase(), options.verifyAfterWrite(), reset, timing, uniqueId, own.description(), map);
        }
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

    /** Programs the planned pages as one batch (the driver may pace or guard it, e.g. for clones). */
    private static void program(FlashAlgorithm algorithm, FlashPlan plan, PhaseRunner phases) {
        List<PagePlan> pages = plan.pagesToProgram();
        phases.run(FlashPhase.PROGRAM, plan.bytesToProgram(), tick -> {
            algorithm.programPages(pages, page -> tick.advance(page.size()));
            algorithm.finish();
        });
    }

    /** @param assumedBlank nothing was erased: a difference most likely means the page was not blank */
    private static void verify(Session session, FlashDriver algorithm, FlashPlan plan, PhaseRunner phases,
                               boolean assumedBlank) {
        List<PagePlan> pages = plan.pagesToProgram();
        if (!pages.isEmpty()) {
            session.step(new TraceOperation.Verify(pages.get(0).index(), pages.size(), plan.bytesToProgram()));
        }
        PageCheck.verify(algorithm, pages, plan.geometry(), phases, assumedBlank);
    }
}
