"""``goal_number`` gives way to ``goal_key`` (converted by the previous migration)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0005_measure_goal_key"),
    ]

    operations = [
        migrations.RemoveField(model_name="measure", name="goal_number"),
    ]
