package dev.tiketti.benchmarks.lifecycle;

import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda 7.24: the lifecycle as a BPMN process with three user tasks; start and each task
 * completion are API calls, each its own transaction. Settings for throughput: job executor off,
 * metrics off, history level {@code audit} (set explicitly: the counterpart of Tiketti's history),
 * the default block-wise database id generator; history time-to-live 30 days in the model (which
 * Camunda 7.20+ requires).
 */
public final class CamundaLifecycle implements Lifecycle {
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;

    CamundaLifecycle(DataSource dataSource) {
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        cfg.setDataSource(dataSource);
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        cfg.setJobExecutorActivate(false);
        cfg.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
        cfg.setMetricsEnabled(false);
        cfg.setDbMetricsReporterActivate(false);
        cfg.setProcessEngineName("bench-camunda");
        engine = cfg.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/ticket-camunda.bpmn").deploy();
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
