package org.hse.api.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hse.api.action.entity.Action;
import org.hse.api.incident.entity.Incident;
import org.hse.api.incidentaction.entity.IncidentAction;
import org.hse.api.model.ResourceModels;
import org.hse.api.query.LoadedItems;
import org.hse.api.query.TenantCounts;
import org.hse.api.tenancy.entity.Office;
import org.hse.api.tenancy.entity.Project;

/**
 * A small demo company, loaded at start-up when {@code demo.enabled} is true and the database has
 * no project yet: one project, two offices, three incidents, four actions and their links.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class DemoData {

  public static final String PROJECT = "9b2f6c1e-4d3a-4c5b-8e7f-1a2b3c4d5e6f";
  public static final String PLANT = "3f1a2b3c-5d6e-4f70-8192-a3b4c5d6e7f8";
  public static final String WAREHOUSE = "4e2b3c4d-6e7f-4081-92a3-b4c5d6e7f809";
  public static final String FORKLIFT_COLLISION = "5c6d7e8f-9012-3456-abcd-ef5678901234";

  /** The author of the demo items' history entries, where an API write names the caller. */
  public static final String AUTHOR = "demo-data";

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject
  @ConfigProperty(name = "demo.enabled", defaultValue = "false")
  boolean enabled;

  @PersistenceContext EntityManager em;

  @Inject ResourceModels models;

  @PostConstruct
  void load() {
    if (!enabled
        || em.createQuery("SELECT COUNT(p) FROM Project p", Long.class).getSingleResult() > 0) {
      return;
    }
    Project project = new Project(PROJECT);
    project.setName("Acme Manufacturing");
    em.persist(project);
    Office plant = office(PLANT, "Milan plant", project);
    plant.setCode("MI-1");
    plant.setStreet("Via Roma 1");
    plant.setPostalCode("20121");
    plant.setLocality("Milano");
    plant.setRegion("Lombardia");
    plant.setCountry("IT");
    Office warehouse = office(WAREHOUSE, "Turin warehouse", project);
    warehouse.setOfficeTypeIcon("construction_site");
    warehouse.setLocality("Torino");
    warehouse.setCountry("IT");

    Incident collision =
        incident(FORKLIFT_COLLISION, "INC-1", "Forklift collision", "ACCIDENTS", "open", plant);
    Incident fireExit =
        incident(
            "6d7e8f90-1234-4567-8bcd-ef6789012345",
            "INC-2",
            "Blocked fire exit",
            "NON_COMPLIANCE",
            "new",
            plant);
    Incident conveyor =
        incident(
            "7e8f9012-3456-4789-9cde-f78901234567",
            "INC-3",
            "Conveyor failure",
            "REPORT_FAILURE",
            "closed",
            warehouse);

    Action drill =
        action("a1b2c3d4-0001-4000-8000-000000000007", "ACT-7", "Fire drill", "TRAINING", plant);
    drill.setValidityUnit("YEAR");
    drill.setValidity(1);
    drill.setExpireInterval(30);
    drill.setManager("{\"username\": \"alice\"}");
    drill.setAssignee("[{\"username\": \"alice\"}]");
    Action refresher =
        action(
            "a1b2c3d4-0001-4000-8000-000000000008",
            "ACT-8",
            "Forklift refresher course",
            "TRAINING",
            plant);
    refresher.setValidityUnit("MONTH");
    refresher.setValidity(6);
    Action brakes =
        action(
            "a1b2c3d4-0001-4000-8000-000000000009",
            "ACT-9",
            "Brake inspection",
            "MAINTENANCE",
            plant);
    Action belt =
        action(
            "a1b2c3d4-0001-4000-8000-000000000010",
            "ACT-10",
            "Conveyor belt replacement",
            "MAINTENANCE",
            warehouse);

    link(
        "c0ffee00-0000-4000-8000-000000000001",
        collision,
        refresher,
        "Drivers retrained after the collision");
    link(
        "c0ffee00-0000-4000-8000-000000000002",
        collision,
        brakes,
        "Brakes of every forklift checked");
    link(
        "c0ffee00-0000-4000-8000-000000000003",
        fireExit,
        drill,
        "Evacuation practised with the exit clear");
    link("c0ffee00-0000-4000-8000-000000000004", conveyor, belt, null);
    // written without the boundary: count them and record their creation as the boundary would
    new TenantCounts(em).recount(PROJECT, models.all());
    LoadedItems.recordCreated(em, models, PROJECT, AUTHOR);
    LOG.warning(
        "Demo data loaded: project 'Acme Manufacturing' ("
            + PROJECT
            + ") with offices, incidents, actions and links.");
  }

  private Office office(String id, String name, Project project) {
    Office office = new Office(id);
    office.setName(name);
    office.setProject(project);
    em.persist(office);
    return office;
  }

  private Incident incident(
      String id, String code, String name, String category, String status, Office office) {
    Incident incident = new Incident(id);
    incident.setCode(code);
    incident.setName(name);
    incident.setDateIncident(LocalDate.of(2026, 11, 2));
    incident.setCategory(category);
    incident.setStatus(status);
    incident.placeAt(office, office.getProject());
    em.persist(incident);
    return incident;
  }

  private Action action(String id, String code, String name, String type, Office office) {
    Action action = new Action(id);
    action.setCode(code);
    action.setName(name);
    action.setActionType(type);
    action.placeAt(office, office.getProject());
    em.persist(action);
    return action;
  }

  private void link(String id, Incident incident, Action action, String description) {
    IncidentAction link = new IncidentAction(id);
    link.setIncident(incident);
    link.setAction(action);
    link.setEntityType("ACTION");
    link.setDescription(description);
    link.placeAt(incident.getOffice(), incident.getProject());
    em.persist(link);
  }
}
