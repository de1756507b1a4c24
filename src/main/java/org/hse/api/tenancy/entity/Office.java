package org.hse.api.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.hse.api.persistence.Audited;

/** A site of a project: the sub-tenant of incidents and actions. */
@Entity
@Table(name = "office")
public class Office extends Audited {

  public static final List<String> TYPE_ICONS = List.of("office_default", "construction_site");

  @Id
  @Column(name = "office_id", length = 36)
  private String id;

  @NotNull
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "project_id")
  private Project project;

  /** The project's id, read from the same column, so that tenant checks need not load it. */
  @Column(name = "project_id", insertable = false, updatable = false)
  private String projectId;

  @NotNull
  @Size(max = 255)
  private String name;

  @NotNull
  @Column(name = "office_type_icon")
  private String officeTypeIcon = "office_default";

  @Size(max = 255)
  private String code;

  @Size(max = 4000)
  private String description;

  @Size(max = 255)
  private String street;

  @Size(max = 255)
  @Column(name = "postal_code")
  private String postalCode;

  @Size(max = 255)
  private String region;

  @Size(max = 255)
  private String locality;

  @Size(max = 255)
  private String country;

  @Size(max = 255)
  @Column(name = "tax_code")
  private String taxCode;

  @Size(max = 255)
  private String vat;

  @Column(name = "office_type_id", length = 36)
  private String officeTypeId;

  protected Office() {}

  public Office(String id) {
    this.id = Objects.requireNonNull(id);
  }

  @Override
  public String getId() {
    return id;
  }

  public Project getProject() {
    return project;
  }

  public String getProjectId() {
    return projectId;
  }

  public void setProject(Project project) {
    this.project = project;
    this.projectId = idOf(project);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getOfficeTypeIcon() {
    return officeTypeIcon;
  }

  public void setOfficeTypeIcon(String officeTypeIcon) {
    this.officeTypeIcon = officeTypeIcon;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getStreet() {
    return street;
  }

  public void setStreet(String street) {
    this.street = street;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public void setPostalCode(String postalCode) {
    this.postalCode = postalCode;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getLocality() {
    return locality;
  }

  public void setLocality(String locality) {
    this.locality = locality;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public String getTaxCode() {
    return taxCode;
  }

  public void setTaxCode(String taxCode) {
    this.taxCode = taxCode;
  }

  public String getVat() {
    return vat;
  }

  public void setVat(String vat) {
    this.vat = vat;
  }

  public String getOfficeTypeId() {
    return officeTypeId;
  }

  public void setOfficeTypeId(String officeTypeId) {
    this.officeTypeId = officeTypeId;
  }
}
