"""The editors' groups: Editors curate, Publishers also publish, unpublish and merge. The groups
span every app's models, so they belong to the site as a whole. (Databases made before this
migration moved here from atlas already have the groups; creating them again changes nothing.)"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATED = [
    ("cases", "case"),
    ("cases", "place"),
    ("cases", "organisation"),
    ("cases", "caserole"),
    ("cases", "casepathwaytype"),
    ("cases", "casegcmobjective"),
    ("cases", "keyfigure"),
    ("pathways", "network"),
    ("pathways", "recommendation"),
    ("pathways", "citation"),
    ("pathways", "publication"),
    ("pathways", "financingmechanism"),
    ("pathways", "regionalframework"),
]
VOCABULARIES = [
    ("pathways", "cityrole"),
    ("pathways", "pathwaytype"),
    ("pathways", "programcategory"),
    ("pathways", "addressee"),
    ("pathways", "gcmobjective"),
    ("cases", "worldregion"),
    ("cases", "countryregion"),
]
PUBLISHING = [
    ("cases", "publish_case"),
    ("cases", "merge_case"),
    ("pathways", "publish_network"),
    ("pathways", "publish_recommendation"),
    ("pathways", "publish_financingmechanism"),
    ("pathways", "publish_regionalframework"),
]


def codenames(actions, models):
    return [(app, f"{action}_{model}") for app, model in models for action in actions]


EDITORS = codenames(["view", "add", "change", "delete"], CURATED) + codenames(
    ["view"], VOCABULARIES
)
GROUPS = {"Editors": EDITORS, "Publishers": EDITORS + PUBLISHING}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("cases", "0003_history_of_related_rows_publish_permission"),
        ("pathways", "0004_history_of_related_rows_publish_permission"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
