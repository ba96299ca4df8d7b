package dev.tiketti.benchmarks.lifecycle;

import java.util.Map;
import javax.sql.DataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;

/**
 * Flowable 7.2: the lifecycle as a BPMN process with three user tasks; start and each task
 * completion are API calls, each its own transaction. Settings for throughput: async executor off,
 * history level {@code audit} (the engine's default, the counterpart of Tiketti's history), the
 * default block-wise database id generator, IDM engine and event registry off (unused here).
 */
public final class FlowableLifecycle implements Lifecycle {
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;

    FlowableLifecycle(DataSource dataSource) {
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        cfg.setDataSource(dataSource);
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        cfg.setAsyncExecutorActivate(false);
        cfg.setHistoryLevel(HistoryLevel.AUDIT);
        cfg.setDisableIdmEngine(true);
        cfg.setDisableEventRegistry(true);
        cfg.setEngineName("bench-flowable");
        engine = cfg.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addClasspathResource("bpmn/ticket-flowable.bpmn20.xml").deploy();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
    }

    @Override
    public String run() {
        String id = runtime.startProcessInstanceByKey("ticket", Map.of("subject", "Vuosiloman siirto",
                "leaveYear", 2026)).getId();
        complete(id, Map.of("assignee", "maija"));
        complete(id, Map.of("resolution", "Loma siirretty lokakuulle", "outcome", "answered"));
        complete(id, Map.of("closedBy", "maija"));
        return id;
    }

    private void complete(String processInstanceId, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        tasks.complete(task.getId(), variables);
    }

    @Override
    public boolean completed(String id) {
        return runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0
                && engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).finished()
                        .count() == 1
                && engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(id).finished()
                        .count() == 3;
    }

    @Override
    public void close() {
        engine.close();
    }
}
