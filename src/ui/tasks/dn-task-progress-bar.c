/* dn-task-progress-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dn-task-progress-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "dn-task-progress-bar.h"

/* The progress cell: one widget drawing the bar and the percentage. A
 * GtkProgressBar is three widgets, a box with a label two more, and the
 * table keeps about 200 rows alive. */
struct _DnTaskProgressBar
{
  GtkWidget    parent_instance;
  int          percent;
  int          children;    /* the sub-tasks' average, -1: none */
  PangoLayout *layout;      /* the text; NULL until drawn or measured */
  int          text_width;  /* of the widest text, "100%" */
  int          text_height;
};

G_DEFINE_FINAL_TYPE (DnTaskProgressBar, dn_task_progress_bar, GTK_TYPE_WIDGET)

#define PROGRESS_BAR_HEIGHT 6
#define PROGRESS_SPACING 6
/* the sub-tasks' line, under the bar */
#define CHILDREN_HEIGHT 2
#define CHILDREN_GAP 2

static void
format_percent (char *buffer,
                gsize size,
                int   percent)
{
  g_snprintf (buffer, size, "%d%%", percent);
}

static PangoLayout *
dn_task_progress_bar_ensure_layout (DnTaskProgressBar *self)
{
  char text[8];

  if (self->layout != NULL)
    return self->layout;
  format_percent (text, sizeof text, 100);
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (self->layout, &self->text_width, &self->text_height);
  format_percent (text, sizeof text, self->percent);
  pango_layout_set_text (self->layout, text, -1);
  return self->layout;
}

static void
dn_task_progress_bar_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  DnTaskProgressBar *self = DN_TASK_PROGRESS_BAR (widget);

  dn_task_progress_bar_ensure_layout (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 24 + PROGRESS_SPACING + self->text_width;
      *natural = 60 + PROGRESS_SPACING + self->text_width;
    }
  else
    *minimum = *natural = MAX (PROGRESS_BAR_HEIGHT, self->text_height);
}

static void
dn_task_progress_bar_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  DnTaskProgressBar *self = DN_TASK_PROGRESS_BAR (widget);
  PangoLayout *layout = dn_task_progress_bar_ensure_layout (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int bar_width = MAX (0, width - self->text_width - PROGRESS_SPACING);
  float bar_x = rtl ? (float) (width - bar_width) : 0.0f;
  float y = (height - PROGRESS_BAR_HEIGHT) / 2.0f;
  GdkRGBA color, trough;
  GdkRGBA fill = { 0.21f, 0.52f, 0.89f, 1.0f }; /* Adwaita's accent blue */
  GskRoundedRect outline;
  int text_width, text_height;

  if (width <= 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  trough = color;
  trough.alpha *= 0.15f;
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (bar_x, y, bar_width, PROGRESS_BAR_HEIGHT),
                                   PROGRESS_BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &trough, &GRAPHENE_RECT_INIT (bar_x, y, bar_width, PROGRESS_BAR_HEIGHT));
  if (self->percent > 0)
    {
      float filled = bar_width * self->percent / 100.0f;

      gtk_snapshot_append_color (snapshot, &fill,
                                 &GRAPHENE_RECT_INIT (rtl ? bar_x + bar_width - filled : bar_x, y,
                                                      filled, PROGRESS_BAR_HEIGHT));
    }
  gtk_snapshot_pop (snapshot);
  if (self->children >= 0)
    {
      GdkRGBA faded = fill;

      faded.alpha = 0.55f;
      gtk_snapshot_append_color (snapshot, &trough,
                                 &GRAPHENE_RECT_INIT (bar_x, y + PROGRESS_BAR_HEIGHT + CHILDREN_GAP,
                                                      bar_width, CHILDREN_HEIGHT));
      if (self->children > 0)
        {
          float filled = bar_width * self->children / 100.0f;

          gtk_snapshot_append_color (snapshot, &faded,
                                     &GRAPHENE_RECT_INIT (rtl ? bar_x + bar_width - filled : bar_x,
                                                          y + PROGRESS_BAR_HEIGHT + CHILDREN_GAP,
                                                          filled, CHILDREN_HEIGHT));
        }
    }

  /* the text at the end, aligned on its end */
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rtl ? self->text_width - text_width : width - text_width,
                                                          (height - text_height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
dn_task_progress_bar_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  DnTaskProgressBar *self = DN_TASK_PROGRESS_BAR (widget);

  GTK_WIDGET_CLASS (dn_task_progress_bar_parent_class)->css_changed (widget, change);
  /* the font may have changed: the text is laid out again */
  g_clear_object (&self->layout);
}

static void
dn_task_progress_bar_finalize (GObject *object)
{
  g_clear_object (&DN_TASK_PROGRESS_BAR (object)->layout);
  G_OBJECT_CLASS (dn_task_progress_bar_parent_class)->finalize (object);
}

static void
dn_task_progress_bar_class_init (DnTaskProgressBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dn_task_progress_bar_finalize;
  widget_class->measure = dn_task_progress_bar_measure;
  widget_class->snapshot = dn_task_progress_bar_snapshot;
  widget_class->css_changed = dn_task_progress_bar_css_changed;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
dn_task_progress_bar_init (DnTaskProgressBar *self)
{
  self->children = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "0%",
                                  -1);
}

GtkWidget *
dn_task_progress_bar_new (void)
{
  return g_object_new (DN_TYPE_TASK_PROGRESS_BAR, NULL);
}

/* The value read out: the task's own, and its sub-tasks' average. */
static void
update_accessible (DnTaskProgressBar *self)
{
  g_autofree char *text = self->children >= 0
                          ? g_strdup_printf (_("%d%%, sub-units %d%%"), self->percent, self->children)
                          : g_strdup_printf ("%d%%", self->percent);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->percent,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

void
dn_task_progress_bar_set_percent (DnTaskProgressBar *self,
                                  int                percent)
{
  char text[8];

  g_return_if_fail (DN_IS_TASK_PROGRESS_BAR (self));

  percent = CLAMP (percent, 0, 100);
  if (percent == self->percent)
    return;
  self->percent = percent;
  format_percent (text, sizeof text, percent);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text, -1);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dn_task_progress_bar_set_children_percent (DnTaskProgressBar *self,
                                           int                percent)
{
  g_return_if_fail (DN_IS_TASK_PROGRESS_BAR (self));

  percent = percent < 0 ? -1 : MIN (percent, 100);
  if (percent == self->children)
    return;
  self->children = percent;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
