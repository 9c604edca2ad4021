from django.shortcuts import render


def start(request):
    """Show the start page (placeholder until the wizard lands)."""
    return render(request, "assessments/start.html")
