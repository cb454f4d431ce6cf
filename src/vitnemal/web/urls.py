"""URLs of the web application (namespace ``web``). Only opaque ids in paths; no
fødselsnummer ever (search by number is a POST). Add a feature's pages here."""

from django.contrib.auth import views as auth_views
from django.urls import path

from vitnemal.web import views, views_batch, views_forvaltning, views_handling

app_name = "web"
urlpatterns = [
    path("logg-inn/", auth_views.LoginView.as_view(template_name="web/logg_inn.html",
                                                   redirect_authenticated_user=True),
         name="logg-inn"),
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logg-ut"),
    path("", views.start, name="start"),
    path("sok/", views.sok, name="sok"),
    path("person/<int:pk>/", views.person, name="person"),
    path("person/<int:pk>/endre/", views_handling.endre, name="endre"),
    path("person/<int:pk>/sjekk/", views_handling.sjekk, name="sjekk"),
    path("person/<int:pk>/forhandsvis/", views.forhandsvis, name="forhandsvis"),
    path("person/<int:pk>/utsted/", views_handling.utsted, name="utsted"),
    path("register/", views.register, name="register"),
    path("dokument/<int:pk>/", views.dokument, name="dokument"),
    path("dokument/<int:pk>/pdf/", views.pdf, name="pdf"),
    path("dokument/<int:pk>/duplikat/", views_handling.lag_duplikat, name="duplikat"),
    path("dokument/<int:pk>/annuller/", views_handling.annuller, name="annuller"),
    path("logg/", views.logg, name="logg"),
    path("batch/", views_batch.liste, name="batcher"),
    path("batch/start/", views_batch.start, name="batch-start"),
    path("batch/<int:pk>/", views_batch.vis, name="batch"),
    path("batch/<int:pk>/fremdrift/", views_batch.fremdrift, name="batch-fremdrift"),
    path("batch/<int:pk>/avbryt/", views_batch.avbryt, name="batch-avbryt"),
    path("batch/<int:pk>/zip/", views_batch.zip_, name="batch-zip"),
    path("batch/<int:pk>/pdf/", views_batch.utskrift, name="batch-pdf"),
    path("helse/", views_batch.helse, name="helse"),
    path("nummerserier/", views_forvaltning.nummerserier, name="nummerserier"),
    path("klar/", views_forvaltning.klar, name="klar"),
]
