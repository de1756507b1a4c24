package org.hse.api.model;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every resource model of the application, and which of them depend on a given resource. */
@ApplicationScoped
public class ResourceModels {

  @Inject @Any Instance<ResourceModel<?>> discovered;

  private List<ResourceModel<?>> all;

  @PostConstruct
  void collect() {
    all = new ArrayList<>();
    discovered.forEach(all::add);
  }

  /** Every resource model, ordered by type. */
  public List<ResourceModel<?>> all() {
    return all.stream().sorted(Comparator.comparing(ResourceModel::type)).toList();
  }

  /**
   * The resources whose items a forced delete of a {@code type} item removes too, deepest first, so
   * that deleting them in this order never breaks a foreign key.
   */
  public List<ResourceModel<?>> dependentsOf(String type) {
    return all.stream()
        .filter(model -> model.parents().containsKey(type))
        .sorted(
            Comparator.comparingInt((ResourceModel<?> model) -> model.parents().size()).reversed())
        .toList();
  }
}
