package org.hse.api.incident.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.hse.api.tenancy.entity.Placed;

/** An incident recorded at an office of a project. */
@Entity
@Table(name = "incident")
@NamedQuery(
    name = Incident.WITH_PLACE,
    query = "SELECT i FROM Incident i JOIN FETCH i.office JOIN FETCH i.project WHERE i.id = :id")
public class Incident extends Placed {

  /**
   * The incident with its office and project, in one statement: what a link to it is placed at and
   * shows.
   */
  public static final String WITH_PLACE = "Incident.withPlace";

  public static final List<String> CATEGORIES =
      List.of(
          "NON_COMPLIANCE",
          "ACCIDENTS",
          "ACCIDENTS_AND_MISSED_INJURIES",
          "REPORT_MALFUNCTION",
          "REPORT_FAILURE",
          "REQUEST_INSPECTION",
          "REQUEST_MAINTENANCE",
          "REQUEST_REPLACEMENT",
          "REQUEST_INTERVENTION");

  public static final List<String> STATUSES = List.of("new", "open", "closed");

  public static final int LONG_TEXT = 4000;

  @Id
  @Column(name = "office_incident_id", length = 36)
  private String id;

  @Size(max = 255)
  private String code;

  @NotNull
  @Size(max = 255)
  private String name;

  @NotNull
  @Column(name = "date_incident")
  private LocalDate dateIncident;

  private String category;

  @NotNull private String status = "new";

  @Size(max = LONG_TEXT)
  @Column(name = "description_event")
  private String descriptionEvent;

  @Size(max = LONG_TEXT)
  @Column(name = "description_actions_involved")
  private String descriptionActionsInvolved;

  @Size(max = 255)
  private String deponent;

  @Column(name = "date_closed")
  private LocalDate dateClosed;

  protected Incident() {}

  public Incident(String id) {
    this.id = Objects.requireNonNull(id);
  }

  @Override
  public String getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public LocalDate getDateIncident() {
    return dateIncident;
  }

  public void setDateIncident(LocalDate dateIncident) {
    this.dateIncident = dateIncident;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getDescriptionEvent() {
    return descriptionEvent;
  }

  public void setDescriptionEvent(String descriptionEvent) {
    this.descriptionEvent = descriptionEvent;
  }

  public String getDescriptionActionsInvolved() {
    return descriptionActionsInvolved;
  }

  public void setDescriptionActionsInvolved(String descriptionActionsInvolved) {
    this.descriptionActionsInvolved = descriptionActionsInvolved;
  }

  public String getDeponent() {
    return deponent;
  }

  public void setDeponent(String deponent) {
    this.deponent = deponent;
  }

  public LocalDate getDateClosed() {
    return dateClosed;
  }

  public void setDateClosed(LocalDate dateClosed) {
    this.dateClosed = dateClosed;
  }
}
