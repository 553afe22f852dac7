package io.reconcile.resource.file;

import io.reconcile.state.Ensure;
import io.reconcile.state.ResourceSpec;
import io.reconcile.state.SpecParser;
import io.reconcile.state.StateFiles;
import io.reconcile.state.Validation;
import io.reconcile.state.YamlMap;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;

final class FileParser implements SpecParser {
  @Override
  public String type() {
    return "file";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("template", "content", "owner", "group", "mode", "state", "secret", "replace_link");
  }

  @Override
  public ResourceSpec parse(YamlMap map, StateFiles files) {
    String path = Validation.path(map, type());
    Ensure ensure = Ensure.parse(map, "state");
    Optional<String> template = map.string("template");
    Optional<String> content = map.string("content");
    if (ensure == Ensure.PRESENT && template.isPresent() == content.isPresent()) {
      throw map.error(type(), "a file needs exactly one of 'template' or 'content'");
    }
    if (ensure == Ensure.ABSENT && (template.isPresent() || content.isPresent())) {
      throw map.error("state", "an absent file has no template or content");
    }
    template.ifPresent(name -> files.requireTemplate(map, name));
    Optional<String> owner = map.string("owner");
    owner.ifPresent(v -> Validation.check(map, "owner", v, Validation.USER_OR_GROUP, "a user name or uid"));
    Optional<String> group = map.string("group");
    group.ifPresent(v -> Validation.check(map, "group", v, Validation.USER_OR_GROUP, "a group name or gid"));
    Optional<Integer> mode = map.string("mode").map(v -> {
      Validation.check(map, "mode", v, Validation.MODE, "an octal mode such as \"0640\"");
      return Integer.parseInt(v, 8);
    });
    return new FileSpec(path, ensure, template, content, owner, group, mode, map.bool("secret").orElse(false),
        map.bool("replace_link").orElse(false));
  }

  @Override
  public String defaultName(ResourceSpec spec) {
    return ((FileSpec) spec).path();
  }
}
